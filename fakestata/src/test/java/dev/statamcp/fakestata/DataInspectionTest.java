package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combinations of varlist, if, in and options the server's data tools use: describe, list, summarize and
 * export delimited.
 */
class DataInspectionTest {

    private static String afterSysuse(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = "sysuse auto";
        System.arraycopy(lines, 0, all, 1, lines.length);
        String out = new InProcess().output(all);
        return out.substring(out.indexOf("(1978 automobile data)\n\n") + 24);
    }

    @Test
    void describeWithAVarlistShowsOnlyTheirTable() {
        assertThat(afterSysuse("describe make price")).isEqualTo("""
                . describe make price

                Variable      Storage   Display    Value
                    name         type    format    label      Variable label
                -------------------------------------------------------------------------------
                make            str18   %-18s                 Make and model
                price           int     %8.0gc                Price

                """);
    }

    @Test
    void describeShortShowsTheHeaderAndChecksTheVarlist() {
        assertThat(afterSysuse("describe make pr*, short", "describe nosuch, short")).isEqualTo("""
                . describe make pr*, short

                Contains data from /usr/local/fakestata/ado/base/a/auto.dta
                 Observations:            74                  1978 automobile data
                    Variables:            12                  13 Apr 2022 17:45
                Sorted by: foreign

                . describe nosuch, short
                variable nosuch not found
                r(111);

                """);
    }

    @Test
    void listWithIfInAndNoobs() {
        assertThat(afterSysuse("list make price foreign if price > 12000 in 1/60, noobs")).isEqualTo("""
                . list make price foreign if price > 12000 in 1/60, noobs

                  +--------------------------------------+
                  | make                price    foreign |
                  |--------------------------------------|
                  | Cad. Eldorado      14,500   Domestic |
                  | Cad. Seville       15,906   Domestic |
                  | Linc. Mark V       13,594   Domestic |
                  | Linc. Versailles   13,466   Domestic |
                  +--------------------------------------+

                """);
    }

    @Test
    void listCleanIsTheTableWithoutBorders() {
        assertThat(afterSysuse("list make price foreign if price > 12000 in 1/60, clean",
                "list make price foreign if price > 12000 in 1/60, noobs clean nolabel")).isEqualTo("""
                . list make price foreign if price > 12000 in 1/60, clean

                       make                price    foreign \s
                 12.   Cad. Eldorado      14,500   Domestic \s
                 13.   Cad. Seville       15,906   Domestic \s
                 27.   Linc. Mark V       13,594   Domestic \s
                 28.   Linc. Versailles   13,466   Domestic \s

                . list make price foreign if price > 12000 in 1/60, noobs clean nolabel

                    make                price   foreign \s
                    Cad. Eldorado      14,500         0 \s
                    Cad. Seville       15,906         0 \s
                    Linc. Mark V       13,594         0 \s
                    Linc. Versailles   13,466         0 \s

                """);
    }

    @Test
    void summarizeVarlistWithIfAndIn() {
        assertThat(afterSysuse("summarize price mpg if foreign in 1/60", "summarize price if price > 100000"))
                .isEqualTo("""
                . summarize price mpg if foreign in 1/60

                    Variable |        Obs        Mean    Std. dev.       Min        Max
                -------------+---------------------------------------------------------
                       price |          8     6755.25    2184.948       4296       9735
                         mpg |          8      23.625    5.208167         17         35

                . summarize price if price > 100000

                    Variable |        Obs        Mean    Std. dev.       Min        Max
                -------------+---------------------------------------------------------
                       price |          0

                """);
    }

    @Test
    void exportDelimitedWritesValueLabelsUnlessNolabel(@TempDir Path dir) throws Exception {
        String out = new InProcess().cwd(dir).output("sysuse auto",
                "export delimited make price foreign if price > 12000 in 1/60 using coded.csv, nolabel replace",
                "export delimited make foreign if foreign & price < 3800 using labelled.csv",
                "export delimited make using labelled.csv");
        assertThat(out).endsWith("""
                . export delimited make price foreign if price > 12000 in 1/60 using coded.csv, nolabel replace
                (file coded.csv not found)
                file coded.csv saved

                . export delimited make foreign if foreign & price < 3800 using labelled.csv
                file labelled.csv saved

                . export delimited make using labelled.csv
                file labelled.csv already exists
                r(602);

                """);
        assertThat(Files.readString(dir.resolve("coded.csv"))).isEqualTo("""
                make,price,foreign
                Cad. Eldorado,14500,0
                Cad. Seville,15906,0
                Linc. Mark V,13594,0
                Linc. Versailles,13466,0
                """);
        assertThat(Files.readString(dir.resolve("labelled.csv"))).isEqualTo("""
                make,foreign
                Subaru,Foreign
                Toyota Corolla,Foreign
                """);
    }
}
