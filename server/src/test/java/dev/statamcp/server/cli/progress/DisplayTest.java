package dev.statamcp.server.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.jobs.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static ProgressFrame at(int seconds, long done) {
        return new ProgressFrame(JobStatus.RUNNING, Duration.ofSeconds(seconds), done, 10L, null, null);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBarIsRedrawnInPlaceOnlyWhenItChanges() {
        TerminalDisplay d = new TerminalDisplay(out, 100);
        d.frame(at(1, 1));
        d.frame(at(1, 1));
        d.frame(at(1, 1));
        d.frame(at(2, 1));
        String[] draws = text().split("\r\033\\[K", -1);
        assertThat(draws).hasSize(3); // "" before the first redraw, then two frames
        assertThat(draws[1]).contains("0:01").doesNotContain("\n");
        assertThat(draws[2]).contains("0:02");
    }

    @Test
    void logLinesGoAboveTheBarWhichComesBackWithTheNextFrame() {
        TerminalDisplay d = new TerminalDisplay(out, 100);
        d.frame(at(1, 1));
        d.line(". summarize price");
        d.line("price | 74");
        d.frame(at(1, 2));
        d.close();
        String t = text();
        assertThat(t).contains("\r\033[K. summarize price\nprice | 74\n\r\033[K[");
        assertThat(t).endsWith("\r\033[K"); // closing takes the bar off the screen
    }

    @Test
    void plainOutputStreamsLinesWithoutEscapes() {
        PlainDisplay d = new PlainDisplay(out);
        d.line("step 1");
        d.frame(at(1, 1)); // not quiet long enough for a status line
        d.note("Cancelling");
        d.close();
        assertThat(text()).isEqualTo("step 1\nCancelling\n".replace("\n", System.lineSeparator()))
                .doesNotContain("\033");
    }
}
