package dev.statamcp.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBlocksTest {
    @TempDir
    Path temp;

    @Test
    void aNewBlockIsAppendedAndTheRestKept() throws IOException {
        Path file = Files.writeString(temp.resolve("R.md"), "# Fuzz\n\ntable\n");

        ReportBlocks.write(file, "chaos", "# Chaos\n\nfirst");

        String text = Files.readString(file);
        assertThat(text).startsWith("# Fuzz\n\ntable\n").contains("# Chaos\n\nfirst").endsWith("<!-- /chaos -->\n");
    }

    @Test
    void aBlockIsReplacedInPlaceAndOtherBlocksStay() throws IOException {
        Path file = Files.writeString(temp.resolve("R.md"), "# Fuzz\n");
        ReportBlocks.write(file, "chaos", "old chaos");
        ReportBlocks.write(file, "chaos-orphans", "orphans");

        ReportBlocks.write(file, "chaos", "new chaos");

        String text = Files.readString(file);
        assertThat(text).doesNotContain("old chaos").contains("new chaos").contains("orphans");
        assertThat(text.indexOf("new chaos")).isLessThan(text.indexOf("orphans"));
        assertThat(ReportBlocks.read(file, "chaos-orphans")).contains("orphans").doesNotContain("chaos\n");
    }

    @Test
    void readingAMissingBlockOrFileGivesNothing() throws IOException {
        assertThat(ReportBlocks.read(temp.resolve("none.md"), "chaos")).isEmpty();
        Path file = Files.writeString(temp.resolve("R.md"), "# Fuzz\n");
        assertThat(ReportBlocks.read(file, "chaos")).isEmpty();
    }
}
