package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Matrix functions on named and stored matrices, copies of stored matrices, literals, names and equations, and
 * the errors Stata gives for missing matrices.
 */
class MatrixTest {

    private static final String[] REGRESS = {"sysuse auto", "quietly regress price mpg weight"};

    private static String run(String... lines) {
        String[] all = new String[REGRESS.length + lines.length];
        System.arraycopy(REGRESS, 0, all, 0, REGRESS.length);
        System.arraycopy(lines, 0, all, REGRESS.length, lines.length);
        String out = new InProcess().output(all);
        return out.substring(out.indexOf(". quietly regress price mpg weight\n\n") + 36);
    }

    @Test
    void functionsOnStoredMatrices() {
        assertThat(run("display rowsof(e(V)) \" \" colsof(e(V)) \" \" colsof(e(b)) \" \" rowsof(e(b))",
                "display el(e(b),1,2)", "display el(e(V),1,1) \" \" el(e(V), 9, 1)")).isEqualTo("""
                . display rowsof(e(V)) " " colsof(e(V)) " " colsof(e(b)) " " rowsof(e(b))
                3 3 3 1

                . display el(e(b),1,2)
                1.7465592

                . display el(e(V),1,1) " " el(e(V), 9, 1)
                7422.863 .

                """);
    }

    @Test
    void copyOfEbKeepsNamesAndWorksWithTheFunctions() {
        assertThat(run("matrix B = e(b)", "display rowsof(B) \" \" colsof(B) \" \" el(B,1,1)", "matrix list B",
                "display \"`: rownames B'|`: colnames B'|`: roweq B'|`: coleq B'\"")).isEqualTo("""
                . matrix B = e(b)

                . display rowsof(B) " " colsof(B) " " el(B,1,1)
                1 3 -49.512221

                . matrix list B

                B[1,3]
                           mpg      weight       _cons
                y1  -49.512221   1.7465592   1946.0687

                . display "`: rownames B'|`: colnames B'|`: roweq B'|`: coleq B'"
                y1|mpg weight _cons|_|_ _ _

                """);
    }

    @Test
    void namesOfStoredMatricesAndQuotedLists() {
        assertThat(run("display \"`: rownames e(V)'|`: colfullnames e(b)'|`: coleq e(V)'\"",
                "display `\"`: colnames e(b), quoted'\"'", "summarize price",
                "matrix C = r(V)")).endsWith("""
                . display "`: rownames e(V)'|`: colfullnames e(b)'|`: coleq e(V)'"
                mpg weight _cons|mpg weight _cons|_ _ _

                . display `"`: colnames e(b), quoted'"'
                "mpg" "weight" "_cons"

                . summarize price

                    Variable |        Obs        Mean    Std. dev.       Min        Max
                -------------+---------------------------------------------------------
                       price |         74    6165.257    2949.496       3291      15906

                . matrix C = r(V)
                matrix r(V) not found
                r(111);

                """);
    }

    @Test
    void rAndSMatricesAreFoundToo() {
        String out = new InProcess().output("program define mk, rclass", "matrix M = (1,2,3)",
                "return matrix table = M", "end", "mk", "display rowsof(r(table)) \" \" colsof(r(table)) \" \" "
                        + "el(r(table),1,3)", "matrix T = r(table)", "display \"`: colnames T'\"");
        assertThat(out).endsWith("""
                . display rowsof(r(table)) " " colsof(r(table)) " " el(r(table),1,3)
                1 3 3

                . matrix T = r(table)

                . display "`: colnames T'"
                c1 c2 c3

                """);
    }

    @Test
    void literalsTransposeNamesAndEquations() {
        String out = new InProcess().output("matrix A = (1,2\\3,4)", "matrix S = (1, 2 \\ 2, 1+4)",
                "matrix list S", "matrix rownames A = a b", "matrix coleq A = eq1 eq2",
                "display \"`: rownames A'|`: colfullnames A'|`: coleq A'|`: roweq A'\"",
                "display colnumb(A, \"eq2:c2\") \" \" colnumb(A, \"c1\") \" \" rownumb(A, \"z\") \" \" "
                        + "issymmetric(S) \" \" issymmetric(A) \" \" trace(S) \" \" matmissing(A)",
                "matrix T = A'", "display \"`: rownames T'\" \" \" el(T,1,2)");
        assertThat(out).isEqualTo("""
                . matrix A = (1,2\\3,4)

                . matrix S = (1, 2 \\ 2, 1+4)

                . matrix list S

                symmetric S[2,2]
                            c1          c2
                r1           1
                r2           2           5

                . matrix rownames A = a b

                . matrix coleq A = eq1 eq2

                . display "`: rownames A'|`: colfullnames A'|`: coleq A'|`: roweq A'"
                a b|eq1:c1 eq2:c2|eq1 eq2|_ _

                . display colnumb(A, "eq2:c2") " " colnumb(A, "c1") " " rownumb(A, "z") " " issymmetric(S) " " issymmetric(A) " " trace(S) " " matmissing(A)
                2 1 . 1 0 6 0

                . matrix T = A'

                . display "`: rownames T'" " " el(T,1,2)
                c1 c2 3

                """);
    }

    @Test
    void dropAndMissingMatrices() {
        String out = new InProcess().output("matrix A = (1)", "matrix B = (2)", "matrix drop A B", "matrix dir",
                "display rowsof(A)", "matrix list B", "display el(A,1,1)", "matrix drop A",
                "display `\"`: colnames A'\"'", "matrix X = (1,2\\3)", "matrix Y = (1,\"a\")");
        assertThat(out).isEqualTo("""
                . matrix A = (1)

                . matrix B = (2)

                . matrix drop A B

                . matrix dir

                . display rowsof(A)
                matrix A not found
                r(111);

                . matrix list B
                matrix B not found
                r(111);

                . display el(A,1,1)
                .

                . matrix drop A
                matrix A not found
                r(111);

                . display `"`: colnames A'"'
                matrix A not found
                r(111);

                . matrix X = (1,2\\3)
                conformability error
                r(503);

                . matrix Y = (1,"a")
                type mismatch
                r(109);

                """);
    }
}
