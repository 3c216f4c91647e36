package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * codebook on the auto data prints what Stata 18 prints for it (the values and layout of a real codebook log,
 * at linesize 80), and the compact form; strings with few values are tabulated, with warnings about blanks.
 */
class CodebookTest {

    private static String afterSysuse(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = "sysuse auto";
        System.arraycopy(lines, 0, all, 1, lines.length);
        String out = new InProcess().output(all);
        return out.substring(out.indexOf("(1978 automobile data)\n\n") + 24);
    }

    @Test
    void stringNumericTabulatedAndLabelledVariables() {
        assertThat(afterSysuse("codebook make price rep78 foreign")).isEqualTo("""
                . codebook make price rep78 foreign

                -------------------------------------------------------------------------------
                make                                                             Make and model
                -------------------------------------------------------------------------------

                                  Type: String (str18), but longest is str17

                         Unique values: 74                        Missing "": 0/74

                              Examples: "Cad. Deville"
                                        "Dodge Magnum"
                                        "Merc. XR-7"
                                        "Pont. Catalina"

                               Warning: Variable has embedded blanks.

                -------------------------------------------------------------------------------
                price                                                                     Price
                -------------------------------------------------------------------------------

                                  Type: Numeric (int)

                                 Range: [3291,15906]                  Units: 1
                         Unique values: 74                        Missing .: 0/74

                                  Mean: 6165.26
                             Std. dev.:  2949.5

                           Percentiles:     10%       25%       50%       75%       90%
                                           3895      4195    5006.5      6342     11385

                -------------------------------------------------------------------------------
                rep78                                                        Repair record 1978
                -------------------------------------------------------------------------------

                                  Type: Numeric (int)

                                 Range: [1,5]                         Units: 1
                         Unique values: 5                         Missing .: 5/74

                            Tabulation: Freq.  Value
                                            2  1
                                            8  2
                                           30  3
                                           18  4
                                           11  5
                                            5  .

                -------------------------------------------------------------------------------
                foreign                                                              Car origin
                -------------------------------------------------------------------------------

                                  Type: Numeric (byte)
                                 Label: origin

                                 Range: [0,1]                         Units: 1
                         Unique values: 2                         Missing .: 0/74

                            Tabulation: Freq.   Numeric  Label
                                           52         0  Domestic
                                           22         1  Foreign

                """);
    }

    @Test
    void unitsAndSpreadOfFloatsAndTens() {
        assertThat(afterSysuse("codebook weight gear_ratio headroom")).contains("""
                                 Range: [1760,4840]                   Units: 10
                         Unique values: 64                        Missing .: 0/74

                                  Mean: 3019.46
                             Std. dev.: 777.194
                """).contains("""
                                 Range: [2.19,3.89]                   Units: .01
                         Unique values: 36                        Missing .: 0/74

                                  Mean: 3.01486
                             Std. dev.: .456287

                           Percentiles:     10%       25%       50%       75%       90%
                                           2.43      2.73     2.955      3.37      3.72
                """).contains("""
                                 Range: [1.5,5]                       Units: .1
                """);
    }

    @Test
    void compactWithAndWithoutVarlist() {
        assertThat(afterSysuse("codebook mpg price trunk foreign, compact", "codebook rep78 displacement if "
                + "foreign, compact")).isEqualTo("""
                . codebook mpg price trunk foreign, compact

                Variable   Obs Unique      Mean   Min    Max  Label
                -------------------------------------------------------------------------------
                mpg         74     21   21.2973    12     41  Mileage (mpg)
                price       74     74  6165.257  3291  15906  Price
                trunk       74     18  13.75676     5     23  Trunk space (cu. ft.)
                foreign     74      2  .2972973     0      1  Car origin
                -------------------------------------------------------------------------------

                . codebook rep78 displacement if foreign, compact

                Variable      Obs Unique      Mean  Min  Max  Label
                -------------------------------------------------------------------------------
                rep78          21      3  4.285714    3    5  Repair record 1978
                displacement   22     15  111.2273   79  163  Displacement (cu. in.)
                -------------------------------------------------------------------------------

                """);
    }

    @Test
    void fewStringValuesAreTabulatedWithMissingAndBlanksWarned() {
        String out = new InProcess().output("set obs 5", "generate str8 s = \"a b\" in 1/2",
                "replace s = \" x\" in 3", "quietly codebook s", "codebook s", "codebook nosuch");
        assertThat(out.substring(out.indexOf(". codebook s\n"))).isEqualTo("""
                . codebook s

                -------------------------------------------------------------------------------
                s                                                                   (unlabeled)
                -------------------------------------------------------------------------------

                                  Type: String (str8), but longest is str3

                         Unique values: 2                         Missing "": 2/5

                            Tabulation: Freq.  Value
                                            1  " x"
                                            2  "a b"
                                            2  ""

                               Warning: Variable has leading and embedded blanks.

                . codebook nosuch
                variable nosuch not found
                r(111);

                """);
    }
}
