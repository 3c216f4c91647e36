package dev.statamcp.stata.data;

import java.util.regex.Pattern;

/**
 * Which variables and observations a data query looks at: a varlist, an {@code if} expression and an {@code in}
 * range, each checked before it is put into Stata code so that an argument cannot start another command.
 */
public record Selection(String varlist, String ifExpression, String inRange) {
    private static final Pattern VARLIST = Pattern.compile("[A-Za-z0-9_*?~\\- ]*");
    private static final Pattern IN = Pattern.compile("\\s*(?:f|l|-?\\d+)(?:\\s*/\\s*(?:f|l|-?\\d+))?\\s*");

    public Selection {
        varlist = varlist == null ? "" : varlist.strip();
        ifExpression = ifExpression == null ? "" : ifExpression.strip();
        inRange = inRange == null ? "" : inRange.strip();
        if (!VARLIST.matcher(varlist).matches()) {
            throw new IllegalArgumentException("varlist '" + varlist + "' is not a list of variable names (letters,"
                    + " digits, _, and the wildcards * ? ~ -)");
        }
        if (ifExpression.indexOf('\n') >= 0 || ifExpression.indexOf('\r') >= 0 || ifExpression.indexOf('`') >= 0) {
            throw new IllegalArgumentException("the if expression must be one line without macro quotes (`), such"
                    + " as: price > 5000 & foreign == 1");
        }
        if (!inRange.isEmpty() && !IN.matcher(inRange).matches()) {
            throw new IllegalArgumentException("in '" + inRange + "' is not an observation range; use forms such as"
                    + " 1/10, 5, f/20 or -10/l");
        }
    }

    public static Selection all() {
        return new Selection("", "", "");
    }

    /** The varlist, or {@code _all}. */
    String vars() {
        return varlist.isEmpty() ? "_all" : varlist;
    }

    /** {@code varlist if ... in ...} for a command line (without the {@code _all} default). */
    String qualifiers(boolean withVarlist) {
        StringBuilder b = new StringBuilder();
        if (withVarlist && !varlist.isEmpty()) {
            b.append(' ').append(varlist);
        }
        if (!ifExpression.isEmpty()) {
            b.append(" if ").append(ifExpression);
        }
        if (!inRange.isEmpty()) {
            b.append(" in ").append(inRange);
        }
        return b.toString();
    }
}
