package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Seeded random numbers, programs, scalars and result protection as scripts use them. */
class SeedAndProgramsTest {

    @Test
    void setSeedMakesDrawsReproducible() {
        String a = new InProcess().output("set seed 42", "display runiform() \" \" rnormal()");
        String b = new InProcess().output("set seed 42", "display runiform() \" \" rnormal()");
        String c = new InProcess().output("set seed 43", "display runiform() \" \" rnormal()");
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void programDefineRunListAndDrop() {
        String out = new InProcess().output("program define twice", "display `1'*2", "end", "twice 21",
                "program drop twice", "twice 1");
        assertThat(out).contains(". program define twice\n  1. display `1'*2\n  2. end\n\n")
                .contains(". twice 21\n42\n").endsWith(". twice 1\ncommand twice is unrecognized\nr(199);\n\n");
    }

    @Test
    void scalarsAndExtendedFunctionsForResults() {
        String out = new InProcess().output("scalar s1 = 2.5", "scalar s2 = \"txt\"", "display s1*2 \" \" s2",
                "display \"`: all scalars'\"", "sysuse auto", "quietly summarize mpg",
                "display \"`: r(scalars)'\"", "_return hold h", "display \"[`r(N)']\"", "_return restore h",
                "display \"[`r(N)']\"");
        assertThat(out).contains("\n5 txt\n").contains("\ns1 s2\n").contains("\nsum max min sd Var mean sum_w N\n")
                .contains("\n[]\n").contains("\n[74]\n");
    }
}
