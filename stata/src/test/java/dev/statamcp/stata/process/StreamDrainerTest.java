package dev.statamcp.stata.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamDrainerTest {

    /** Hands out the bytes in reads of random lengths, as a pipe does. */
    private static InputStream choppy(byte[] bytes, Random random) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(3 * 4096)));
            }
        };
    }

    @Test
    void keepsExactlyTheLastBytesWhateverTheReadSizes() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int keep = 1 + random.nextInt(5000);
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40_000);
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            StreamDrainer drainer = new StreamDrainer(choppy(bytes, random), "test-drain", keep);
            drainer.awaitEnd(10_000);
            String expected = text.substring(Math.max(0, length - keep));
            assertThat(drainer.tail()).as("round %d: %d bytes, keeping %d", round, length, keep).isEqualTo(expected);
        }
    }

    @Test
    void aReadLargerThanTheRingKeepsItsEnd() {
        byte[] bytes = "0123456789".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        StreamDrainer drainer = new StreamDrainer(new ByteArrayInputStream(bytes), "test-drain", 7);
        drainer.awaitEnd(10_000);
        assertThat(drainer.tail()).isEqualTo("3456789");
    }
}
