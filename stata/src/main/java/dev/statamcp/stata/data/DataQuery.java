package dev.statamcp.stata.data;

import dev.statamcp.stata.paths.StataQuoting;
import java.nio.file.Path;

/**
 * The Stata code of the data queries the server runs in a session (as internal queries holding {@code r()}, so
 * the user's results survive). Each prints the ordinary Stata output a person would read (describe, list,
 * summarize, codebook, tabulate) and writes the same facts in machine-readable form to a file: variable facts and
 * statistics through {@code file write}, rows through {@code export delimited}. Parsing lives in
 * {@link DataFiles}.
 */
public final class DataQuery {
    private static final String H = "_smcpfh";

    private DataQuery() {
    }

    /** {@code describe} plus the variables' facts. */
    public static String describe(Selection s, Path out) {
        return "describe" + s.qualifiers(true) + "\n" + shape(s, out);
    }

    /** {@code codebook} plus the variables' facts. */
    public static String codebook(Selection s, Path out) {
        return "codebook" + s.qualifiers(true) + "\n" + shape(s, out);
    }

    /**
     * {@code list} of at most {@code maxRows} observations (the first ones of the range when no {@code in} is
     * given), and the same rows exported without value labels.
     */
    public static String list(Selection s, int maxRows, Path shapeOut, Path csv) {
        Selection limited = s.inRange().isEmpty() ? new Selection(s.varlist(), s.ifExpression(),
                "1/`=min(_N, " + maxRows + ")'") : s;
        return "if _N > 0 {\n"
                + "list" + limited.qualifiers(true) + "\n"
                + "quietly export delimited" + limited.qualifiers(true) + " using " + StataQuoting.quote(csv)
                + ", nolabel replace\n"
                + "}\n"
                + "else display as text \"(no observations)\"\n"
                + shape(s, shapeOut);
    }

    /** {@code summarize} plus each variable's N, mean, sd, min and max at full precision. */
    public static String summarize(Selection s, Path out) {
        StringBuilder b = new StringBuilder("summarize").append(s.qualifiers(true)).append('\n');
        open(b, out);
        b.append("if c(k) > 0 {\n");
        b.append("foreach _smcpv of varlist ").append(s.vars()).append(" {\n");
        b.append("capture quietly summarize `_smcpv'").append(s.qualifiers(false)).append('\n');
        b.append("if _rc == 0 {\n");
        b.append("file write ").append(H).append(" \"sum\" _tab \"`_smcpv'\" _tab (r(N))");
        for (String stat : new String[] {"mean", "sd", "min", "max"}) {
            b.append(" _tab %21.0g (r(").append(stat).append("))");
        }
        b.append(" _n\n}\n}\n}\n");
        close(b);
        return b.toString();
    }

    /** One-way {@code tabulate}; its table is parsed from the output. */
    public static String tabulate(Selection s) {
        return "tabulate" + s.qualifiers(true) + ", missing\n";
    }

    private static String shape(Selection s, Path out) {
        StringBuilder b = new StringBuilder();
        open(b, out);
        b.append("file write ").append(H).append(" \"shape\" _tab (_N) _tab (c(k)) _n\n");
        b.append("if c(k) > 0 {\n");
        b.append("foreach _smcpv of varlist ").append(s.vars()).append(" {\n");
        b.append("file write ").append(H).append(" \"var\" _tab \"`_smcpv'\" _tab \"`: type `_smcpv''\" _tab")
                .append(" \"`: format `_smcpv''\" _tab \"`: value label `_smcpv''\" _tab")
                .append(" `\"`: variable label `_smcpv''\"' _n\n");
        b.append("}\n}\n");
        close(b);
        return b.toString();
    }

    private static void open(StringBuilder b, Path out) {
        b.append("capture file close ").append(H).append('\n');
        b.append("file open ").append(H).append(" using ").append(StataQuoting.quote(out))
                .append(", write replace text\n");
    }

    private static void close(StringBuilder b) {
        b.append("file close ").append(H).append('\n');
        b.append("local _smcpv\n");
    }
}
