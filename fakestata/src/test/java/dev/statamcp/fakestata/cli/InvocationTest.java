package dev.statamcp.fakestata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The batch log's name: the do-file's base name without .do, cut at the first space, as Stata names it. */
class InvocationTest {

    private static String stem(String... args) throws UsageException {
        return Invocation.parse(args).logStem();
    }

    @Test
    void quotedNameWithASpaceIsCutAtTheSpace() throws UsageException {
        assertThat(stem("-b", "-q", "do", "\"foo bar.do\"")).isEqualTo("foo");
        assertThat(stem("-b", "do", "`\"foo bar.do\"'")).isEqualTo("foo");
        assertThat(stem("-b", "do \"foo bar.do\" arg1 arg2")).isEqualTo("foo");
    }

    @Test
    void unquotedNameSplitByTheShellIsCutTheSameWay() throws UsageException {
        assertThat(stem("-b", "do", "foo", "bar.do")).isEqualTo("foo");
    }

    @Test
    void folderIsDroppedBeforeTheCut() throws UsageException {
        assertThat(stem("-b", "do", "\"/tmp/my dir/job.do\"")).isEqualTo("job");
        assertThat(stem("-b", "do", "\"/tmp/my dir/big job.do\"")).isEqualTo("big");
        assertThat(stem("-e", "run", "sub/analysis.do")).isEqualTo("analysis");
    }

    @Test
    void otherCommandsWriteStataLog() throws UsageException {
        assertThat(stem("-b", "display 1")).isEqualTo("stata");
    }
}
