package dev.statamcp.fakestata.lang;

/**
 * A token of an expression or display directive list.
 *
 * @param kind what it is
 * @param text the operator, identifier, format or string contents (quotes removed)
 * @param number the value of a number or missing literal
 * @param start offset of the token in the source text
 * @param end offset just past the token
 */
public record Token(Kind kind, String text, double number, int start, int end) {
    public enum Kind { NUMBER, STRING, IDENT, OP, FORMAT, EOF }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }
}
