package dev.statamcp.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.jobs.OutputMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputShaperTest {
    static LogLine echo(String s) {
        return new LogLine(s, true);
    }

    static LogLine out(String s) {
        return new LogLine(s, false);
    }

    static final List<LogLine> LIST_RUN = List.of(
            echo(". sysuse auto"), out("(1978 automobile data)"), out(""),
            echo(". list make price in 1/3"), out(""),
            out("     +---------------------------+"),
            out("     | make            price     |"),
            out("     |---------------------------|"),
            out("  1. | AMC Concord     4,099     |"),
            out("  2. | AMC Pacer       4,749     |"),
            out("  3. | AMC Spirit      3,799     |"),
            out("     +---------------------------+"),
            out(""), out(""), out(""));

    @Test
    void compactKeepsEveryListRowAndDropsTheFilesOwnEcho() {
        ShapedOutput shaped = OutputShaper.shape(LIST_RUN, OutputMode.COMPACT, true, 40_000, "stata://jobs/x/log");
        assertThat(shaped.text()).contains("  1. | AMC Concord     4,099     |", "  2. | AMC Pacer       4,749     |",
                "  3. | AMC Spirit      3,799     |", "(1978 automobile data)");
        assertThat(shaped.text()).doesNotContain(". list make price", ". sysuse auto");
        assertThat(shaped.text()).doesNotContain("\n\n\n").doesNotEndWith("\n");
        assertThat(shaped.truncated()).isFalse();
    }

    @Test
    void compactForCodeKeepsTheEchoSoOutputsCanBeToldApart() {
        ShapedOutput shaped = OutputShaper.shape(LIST_RUN, OutputMode.COMPACT, false, 40_000, "u");
        assertThat(shaped.text()).startsWith(". sysuse auto\n(1978 automobile data)");
    }

    @Test
    void fullIsTheLogAsWritten() {
        ShapedOutput shaped = OutputShaper.shape(LIST_RUN, OutputMode.FULL, true, 40_000, "u");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < LIST_RUN.size(); i++) {
            expected.append(i == 0 ? "" : "\n").append(LIST_RUN.get(i).text());
        }
        assertThat(shaped.text()).isEqualTo(expected.toString());
    }

    @Test
    void repeatedBreakBlocksCollapseToOne() {
        List<LogLine> lines = List.of(echo(". sleep 60000"), out("--Break--"), out("r(1);"), out(""),
                out("--Break--"), out("r(1);"), out(""), out("end of do-file"), out("--Break--"), out("r(1);"));
        String text = OutputShaper.shape(lines, OutputMode.COMPACT, true, 40_000, "u").text();
        assertThat(text).isEqualTo("--Break--\nr(1);\n\nend of do-file\n--Break--\nr(1);");
    }

    @Test
    void replicationDotsAndRulersAreChatterButIterationLogsStay() {
        List<LogLine> lines = List.of(out("Bootstrap replications (50)"),
                out("----+--- 1 ---+--- 2 ---+--- 3 ---+--- 4 ---+--- 5"),
                out(".................................................    50"),
                out("Iteration 0:  log likelihood = -42.1"), out("Number of obs = 74"));
        String text = OutputShaper.shape(lines, OutputMode.COMPACT, true, 40_000, "u").text();
        assertThat(text).isEqualTo("Bootstrap replications (50)\nIteration 0:  log likelihood = -42.1\n"
                + "Number of obs = 74");
    }

    @Test
    void smclMarkupIsRemovedButItsTextKept() {
        assertThat(OutputShaper.stripSmcl("{err}variable {bf:bad_var} not found"))
                .isEqualTo("variable bad_var not found");
        assertThat(OutputShaper.stripSmcl("{txt}{search r(111), local:r(111);}")).isEqualTo("r(111);");
        assertThat(OutputShaper.stripSmcl("{com}. regress price mpg")).isEqualTo(". regress price mpg");
    }

    @Test
    void aHugeLogKeepsItsHeadItsFinalErrorAndAPointerToTheFullLog() {
        List<LogLine> lines = new ArrayList<>();
        lines.add(echo(". forvalues i = 1/100000 {"));
        for (int i = 1; i <= 100_000; i++) {
            lines.add(out("line " + i + " of a long run, padded to look like real output ....... " + i));
        }
        lines.add(echo(". gen y = bad_var + 1"));
        lines.add(out("bad_var not found"));
        lines.add(out("r(111);"));
        int total = lines.stream().mapToInt(l -> l.text().length() + 1).sum();
        assertThat(total).isGreaterThan(5_000_000);

        ShapedOutput shaped = OutputShaper.shape(lines, OutputMode.COMPACT, true, 40_000, "stata://jobs/j1/log");
        assertThat(shaped.truncated()).isTrue();
        assertThat(shaped.text().length()).isLessThanOrEqualTo(40_000);
        assertThat(shaped.text()).startsWith("line 1 of a long run");
        assertThat(shaped.text()).endsWith("bad_var not found\nr(111);");
        assertThat(shaped.text()).containsPattern("… \\d+ lines omitted — full log: stata://jobs/j1/log …");
        assertThat(shaped.omittedLines()).isGreaterThan(99_000);
        assertThat(shaped.totalLines()).isEqualTo(lines.size());
    }

    @Test
    void aSingleEnormousLastLineKeepsItsEnd() {
        List<LogLine> lines = List.of(out("start"), out("x".repeat(100_000) + " the end"));
        ShapedOutput shaped = OutputShaper.shape(lines, OutputMode.FULL, true, 1_000, "u");
        assertThat(shaped.text()).startsWith("start\n").endsWith(" the end");
        assertThat(shaped.text().length()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void linesNeverKeptInMemoryAreNamedWhereTheyWereAndCountedInACut() {
        List<LogLine> lines = List.of(out("a1"), out("a2"), out("a3"), out("b1"), out("b2"), out("r(111);"));
        ShapedOutput roomy = OutputShaper.shape(lines, OutputMode.FULL, false, 40_000, "stata://jobs/j/log", 1000, 3);
        assertThat(roomy.text()).isEqualTo("a1\na2\na3\n… 1000 lines omitted — full log: stata://jobs/j/log …"
                + "\nb1\nb2\nr(111);");
        assertThat(roomy.totalLines()).isEqualTo(1006);

        ShapedOutput tight = OutputShaper.shape(lines, OutputMode.FULL, false, 12, "u", 1000, 3);
        assertThat(tight.truncated()).isTrue();
        assertThat(tight.omittedLines()).isGreaterThanOrEqualTo(1000);
        assertThat(tight.text()).endsWith("r(111);").contains(tight.omittedLines() + " lines omitted");
    }

    @Test
    void aCutTextNeverExceedsTheLimitWhateverTheLineLengths() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            List<LogLine> lines = new ArrayList<>();
            int n = 1 + random.nextInt(3000);
            for (int i = 0; i < n; i++) {
                lines.add(out("v".repeat(random.nextInt(random.nextBoolean() ? 20 : 400)) + i));
            }
            int limit = 1000 + random.nextInt(40_000);
            long gap = random.nextBoolean() ? random.nextInt(1_000_000) : 0;
            ShapedOutput shaped = gap > 0
                    ? OutputShaper.shape(lines, OutputMode.FULL, false, limit, "stata://jobs/j0123456789/log", gap,
                            random.nextInt(n))
                    : OutputShaper.shape(lines, OutputMode.FULL, false, limit, "stata://jobs/j0123456789/log");
            assertThat(shaped.text().length()).as("round %d, limit %d", round, limit).isLessThanOrEqualTo(limit);
        }
    }
}
