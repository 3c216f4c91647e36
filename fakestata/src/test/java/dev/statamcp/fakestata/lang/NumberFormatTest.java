package dev.statamcp.fakestata.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stata's number formats as display and the result tables print them. */
class NumberFormatTest {

    @ParameterizedTest(name = "{0} in %10.0g = {1}")
    @CsvSource({
        "0.3333333333333333, .33333333",
        "3.141592653589793, 3.1415927",
        "42, 42",
        "-0.5, -.5",
        "6165.256756756757, 6165.2568",
        "123456789, 123456789",
        "1234567890, 1.235e+09",
        "1e-10, 1.000e-10",
        "0.000123456, .00012346",
        "100000, 100000",
    })
    void displayDefault(double x, String expected) {
        assertThat(NumberFormat.DISPLAY.format(x).strip()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in %9.0g = {1}")
    @CsvSource({
        "6165.256756756757, 6165.257",
        "2949.495884768919, 2949.496",
        "-0.1445693, -.1445693",
        "15906, 15906",
        "100000000, 1.00e+08",
        "-238.894348, -238.8943",
    })
    void summaryTables(double x, String expected) {
        assertThat(NumberFormat.general(x, 8, false)).isEqualTo(expected);
    }

    @Test
    void fixedCommaStringAndMissing() {
        assertThat(NumberFormat.parse("%9.2f").format(2.345)).isEqualTo("     2.35");
        assertThat(NumberFormat.parse("%9.2f").format(2.355)).isEqualTo("     2.35"); // binary 2.35499...
        assertThat(NumberFormat.parse("%8.0gc").format(15906).strip()).isEqualTo("15,906");
        assertThat(NumberFormat.parse("%10.0fc").format(1234567).strip()).isEqualTo("1,234,567");
        assertThat(NumberFormat.parse("%-6s").format("ab")).isEqualTo("ab    ");
        assertThat(NumberFormat.parse("%9.0g").format(Missing.SYSMISS)).isEqualTo("        .");
        assertThat(NumberFormat.parse("%9.0g").format(Missing.extended('b'))).isEqualTo("       .b");
        assertThat(NumberFormat.parse("%td").format(0)).isEqualTo("01jan1960");
        assertThat(NumberFormat.parse("%9.2x")).isNull();
        assertThat(NumberFormat.full(1.0 / 3)).isEqualTo(".3333333333333333");
    }
}
