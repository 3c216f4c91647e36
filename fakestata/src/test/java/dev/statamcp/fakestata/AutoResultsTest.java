package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.session.Session;
import org.junit.jupiter.api.Test;

/**
 * On sysuse auto, summarize and regress print and store the values Stata gives (shared/stata/README.md), checked to
 * the printed precision, and the tables have Stata's layout.
 */
class AutoResultsTest {

    @Test
    void summarizePriceTableAndResults() {
        InProcess e = new InProcess();
        String out = e.output("sysuse auto", "summarize price");
        assertThat(out).isEqualTo("""
                . sysuse auto
                (1978 automobile data)

                . summarize price

                    Variable |        Obs        Mean    Std. dev.       Min        Max
                -------------+---------------------------------------------------------
                       price |         74    6165.257    2949.496       3291      15906

                """);
        Session s = e.session();
        assertThat(s.r().scalars().get("N")).isEqualTo(74.0);
        assertThat(s.r().scalars().get("mean")).isCloseTo(6165.257, within(0.0005));
        assertThat(s.r().scalars().get("sd")).isCloseTo(2949.496, within(0.0005));
        assertThat(s.r().scalars().get("min")).isEqualTo(3291.0);
        assertThat(s.r().scalars().get("max")).isEqualTo(15906.0);
        assertThat(s.r().scalars().get("sum")).isEqualTo(456229.0);
        assertThat(s.r().scalars().keySet()).containsExactly("N", "sum_w", "mean", "Var", "sd", "min", "max", "sum");
    }

    @Test
    void regressPriceOnMpgTablesAndResults() {
        InProcess e = new InProcess();
        String out = e.output("sysuse auto", "regress price mpg");
        assertThat(out).endsWith("""
                . regress price mpg

                      Source |       SS           df       MS      Number of obs   =        74
                -------------+----------------------------------   F(1, 72)        =     20.26
                       Model |   139449474         1   139449474   Prob > F        =    0.0000
                    Residual |   495615923        72  6883554.48   R-squared       =    0.2196
                -------------+----------------------------------   Adj R-squared   =    0.2087
                       Total |   635065396        73  8699525.97   Root MSE        =    2623.7

                ------------------------------------------------------------------------------
                       price | Coefficient  Std. err.      t    P>|t|     [95% conf. interval]
                -------------+----------------------------------------------------------------
                         mpg |  -238.8943   53.07669    -4.50   0.000    -344.7008   -133.0879
                       _cons |   11253.06   1170.813     9.61   0.000     8919.088    13587.03
                ------------------------------------------------------------------------------

                """);
        Session s = e.session();
        assertThat(s.e().scalars().get("N")).isEqualTo(74.0);
        assertThat(s.e().scalars().get("r2")).isCloseTo(0.2196, within(0.00005));
        Matrix b = s.e().matrices().get("b");
        assertThat(b.colNames()).containsExactly("mpg", "_cons");
        assertThat(b.get(0, 0)).isCloseTo(-238.8943, within(0.00005));
        assertThat(b.get(0, 1)).isCloseTo(11253.06, within(0.005));
        assertThat(s.e().macros()).containsEntry("cmd", "regress").containsEntry("depvar", "price")
                .containsEntry("cmdline", "regress price mpg");
        assertThat(s.e().matrices().get("V").rows()).isEqualTo(2);
        assertThat(s.e().sample()).hasSize(74);
    }

    @Test
    void stata16WordsTheTablesTheOldWay() {
        String out = new InProcess().version(16).output("sysuse auto", "summarize mpg", "regress price mpg");
        assertThat(out).contains("(1978 Automobile Data)")
                .contains("    Variable |        Obs        Mean    Std. Dev.       Min        Max")
                .contains("       price |      Coef.   Std. Err.      t    P>|t|     [95% Conf. Interval]");
    }

    @Test
    void returnListLayout() {
        String out = new InProcess().output("sysuse auto", "quietly summarize mpg", "return list");
        assertThat(out).endsWith("""
                . return list

                scalars:
                                  r(N) =  74
                              r(sum_w) =  74
                               r(mean) =  21.2972972972973
                                r(Var) =  33.47204738985561
                                 r(sd) =  5.785503209735141
                                r(min) =  12
                                r(max) =  41
                                r(sum) =  1576

                """);
    }

    @Test
    void ereturnListAndMatrixList() {
        String out = new InProcess().output("sysuse auto", "quietly regress price mpg", "ereturn list",
                "matrix list e(b)", "matrix list e(V)", "local m : e(matrices)", "display \"`m'\"");
        assertThat(out).contains("""
                macros:
                            e(cmdline) : "regress price mpg"
                              e(title) : "Linear regression"
                """).contains("""
                matrices:
                                  e(b) :  1 x 2
                                  e(V) :  2 x 2

                functions:
                             e(sample)   \n""").contains("""
                e(b)[1,2]
                           mpg       _cons
                y1  -238.89435   11253.061
                """).contains("""
                symmetric e(V)[2,2]
                              mpg       _cons
                  mpg   2817.1347
                _cons  -59997.356   1370802.5
                """).contains(". display \"`m'\"\nV b\n");
    }

    @Test
    void tabulateForeign() {
        String out = new InProcess().output("sysuse auto", "tabulate foreign", "display r(N) \" \" r(r)");
        assertThat(out).contains("""
                 Car origin |      Freq.     Percent        Cum.
                ------------+-----------------------------------
                   Domestic |         52       70.27       70.27
                    Foreign |         22       29.73      100.00
                ------------+-----------------------------------
                      Total |         74      100.00
                """).contains("\n74 2\n");
    }

    @Test
    void listBoxedRowsWithSeparatorEveryFive() {
        String out = new InProcess().output("sysuse auto", "list make price foreign in 4/9");
        assertThat(out).contains("""
                     +-----------------------------------+
                     | make             price    foreign |
                     |-----------------------------------|
                  4. | Buick Century    4,816   Domestic |
                  5. | Buick Electra    7,827   Domestic |
                  6. | Buick LeSabre    5,788   Domestic |
                  7. | Buick Opel       4,453   Domestic |
                  8. | Buick Regal      5,189   Domestic |
                     |-----------------------------------|
                  9. | Buick Riviera   10,372   Domestic |
                     +-----------------------------------+
                """);
    }

    @Test
    void describeLayout() {
        String out = new InProcess().output("sysuse auto", "describe");
        assertThat(out).contains("""
                 Observations:            74                  1978 automobile data
                    Variables:            12                  13 Apr 2022 17:45
                """).contains("""
                foreign         byte    %8.0g      origin     Car origin
                """).contains("Sorted by: foreign\n");
    }
}
