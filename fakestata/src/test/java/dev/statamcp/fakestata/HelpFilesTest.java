package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated installation's ado folder: help pages are SMCL files that findfile finds on disk and help renders,
 * the ado-path is searched as Stata searches it, and sysdir/adopath list it.
 */
class HelpFilesTest {

    private static InProcess emulator(Path sys, Path cwd) {
        return new InProcess().env("FAKESTATA_SYSDIR", sys.toString()).cwd(cwd);
    }

    @Test
    void findfileWritesTheBundledPageAndHelpRendersTheSameFile(@TempDir Path sys, @TempDir Path cwd)
            throws Exception {
        InProcess e = emulator(sys, cwd);
        String out = e.output("findfile summarize.sthlp", "display r(fn)");
        Path page = sys.resolve("ado/base/s/summarize.sthlp");
        assertThat(out).isEqualTo(". findfile summarize.sthlp\n" + page + "\n\n. display r(fn)\n" + page + "\n\n");
        try (InputStream in = getClass().getResourceAsStream("/dev/statamcp/fakestata/ado/base/s/summarize.sthlp")) {
            assertThat(Files.readAllBytes(page)).isEqualTo(in.readAllBytes());
        }
        assertThat(Files.readString(page)).startsWith("{smcl}\n").contains("{synopt:{opt d:etail}}");
        // a changed copy on disk is what help shows only when it is found before BASE: BASE pages come from the jar
        Files.writeString(cwd.resolve("summarize.sthlp"), "{smcl}\n{title:Shadowed}\n");
        assertThat(emulator(sys, cwd).output("help summarize")).startsWith(". help summarize\n[R] summarize");
    }

    @Test
    void helpRendersTheSmclPage(@TempDir Path sys, @TempDir Path cwd) {
        assertThat(emulator(sys, cwd).output("help su")).isEqualTo("""
                . help su
                [R] summarize -- Summary statistics


                Syntax

                        summarize [varlist] [if] [in] [, options]

                    options           Description
                    -------------------------------------------------------------------------
                    Main
                      detail          percentiles, smallest and largest values, skewness and
                                        kurtosis
                      meanonly        no display; compute the mean, minimum and maximum only
                      separator(#)    draw a separator line after every # variables; default
                                        is separator(5)
                    -------------------------------------------------------------------------


                Description

                    summarize shows the number of observations, the mean, the standard
                    deviation, the minimum and the maximum of each variable. With no varlist,
                    it summarizes every variable in the dataset.


                Options

                    detail shows, for each variable, the 1st, 5th, 10th, 25th, 50th, 75th,
                        90th, 95th and 99th percentiles, the four smallest and largest
                        values, the variance, the skewness and the kurtosis.

                    meanonly shows nothing and stores only r(N), r(sum_w), r(mean), r(min),
                        r(max) and r(sum).

                    separator(#) draws a separator line after every # variables; separator(0)
                        draws none.


                Stored results

                    summarize stores the following in r():

                    Scalars
                      r(N)           number of observations
                      r(sum_w)       sum of the weights
                      r(mean)        mean
                      r(Var)         variance
                      r(sd)          standard deviation
                      r(min)         minimum
                      r(max)         maximum
                      r(sum)         sum of the variable
                      r(p50)         50th percentile (median), with detail; also r(p1) ...
                                       r(p99), r(skewness) and r(kurtosis)

                    This page is written for fakestata, the Stata emulator used in tests.

                """);
    }

    @Test
    void everyBundledCommandHasAPageAndOthersAreNotFound(@TempDir Path sys, @TempDir Path cwd) {
        String out = emulator(sys, cwd).output("help regress", "help display", "help replace", "help d",
                "help list", "help codebook", "help findfile", "help nosuch");
        assertThat(out).contains(". help regress\n[R] regress -- Linear regression\n")
                .contains(". help display\n[P] display -- Display strings and values of scalar expressions\n")
                .contains(". help replace\n[D] generate -- Create or change contents of variable\n")
                .contains(". help d\n[D] describe -- Describe data in memory or in a file\n")
                .contains(". help list\n[D] list -- List values of variables\n")
                .contains(". help codebook\n[D] codebook -- Describe data contents\n")
                .contains(". help findfile\n[P] findfile -- Find file in path\n")
                .endsWith(". help nosuch\nhelp for nosuch not found\ntry help contents or search nosuch\nr(111);\n\n");
    }

    @Test
    void helpFindsAUsersPageAlongTheAdoPath(@TempDir Path sys, @TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("mycmd.sthlp"), """
                {smcl}
                {title:Title}

                {phang}
                {cmd:mycmd} {hline 2} does what its author wanted{p_end}
                """);
        assertThat(emulator(sys, cwd).output("help mycmd")).isEqualTo("""
                . help mycmd
                Title

                    mycmd -- does what its author wanted

                """);
    }

    @Test
    void findfileSearchesTheAdoPathAndReportsWhatIsMissing(@TempDir Path sys, @TempDir Path cwd)
            throws Exception {
        Files.writeString(cwd.resolve("here.ado"), "program here\nend\n");
        Path extra = Files.createDirectories(cwd.resolve("extra/m"));
        Files.writeString(extra.resolve("mine.do"), "display 1\n");
        String base = sys.resolve("ado/base") + "/";
        String out = emulator(sys, cwd).output("findfile here.ado", "findfile \"list.sthlp\", all",
                "display `\"`r(fn)'\"'", "findfile regress.sthlp, nodescend", "findfile mine.do",
                "findfile mine.do, path(BASE;" + cwd.resolve("extra") + ")", "adopath + " + cwd.resolve("extra"),
                "findfile mine.do", "findfile nosuch.ado");
        assertThat(out).isEqualTo(". findfile here.ado\n./here.ado\n\n"
                + ". findfile \"list.sthlp\", all\n" + base + "l/list.sthlp\n\n"
                + ". display `\"`r(fn)'\"'\n\"" + base + "l/list.sthlp\"\n\n"
                + ". findfile regress.sthlp, nodescend\nfile regress.sthlp not found\nr(601);\n\n"
                + ". findfile mine.do\nfile mine.do not found\nr(601);\n\n"
                + ". findfile mine.do, path(BASE;" + cwd.resolve("extra") + ")\n" + extra.resolve("mine.do") + "\n\n"
                + ". adopath + " + cwd.resolve("extra") + "\n" + adopathListing(sys, cwd.resolve("extra").toString())
                + "\n. findfile mine.do\n" + extra.resolve("mine.do") + "\n\n"
                + ". findfile nosuch.ado\nfile nosuch.ado not found\nr(601);\n\n");
    }

    @Test
    void sysdirAndAdopathList(@TempDir Path sys, @TempDir Path cwd) {
        String home = System.getProperty("user.home");
        String out = emulator(sys, cwd).output("sysdir", "adopath", "display c(sysdir_stata)",
                "display c(sysdir_personal)", "display c(adopath)");
        assertThat(out).isEqualTo(". sysdir\n"
                + "   STATA:  " + sys + "/\n"
                + "    BASE:  " + sys + "/ado/base/\n"
                + "    SITE:  " + sys + "/ado/site/\n"
                + "    PLUS:  " + home + "/ado/plus/\n"
                + "PERSONAL:  " + home + "/ado/personal/\n"
                + "OLDPLACE:  " + home + "/ado/\n\n"
                + ". adopath\n" + adopathListing(sys, null) + "\n"
                + ". display c(sysdir_stata)\n" + sys + "/\n\n"
                + ". display c(sysdir_personal)\n" + home + "/ado/personal/\n\n"
                + ". display c(adopath)\nBASE;SITE;.;PERSONAL;PLUS;OLDPLACE\n\n");
    }

    private static String adopathListing(Path sys, String extra) {
        String home = System.getProperty("user.home");
        return "  [1]  (BASE)      \"" + sys + "/ado/base/\"\n"
                + "  [2]  (SITE)      \"" + sys + "/ado/site/\"\n"
                + "  [3]              \".\"\n"
                + "  [4]  (PERSONAL)  \"" + home + "/ado/personal/\"\n"
                + "  [5]  (PLUS)      \"" + home + "/ado/plus/\"\n"
                + "  [6]  (OLDPLACE)  \"" + home + "/ado/\"\n"
                + (extra == null ? "" : "  [7]              \"" + extra + "\"\n");
    }
}
