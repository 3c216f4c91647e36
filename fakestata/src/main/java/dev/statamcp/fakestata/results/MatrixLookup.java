package dev.statamcp.fakestata.results;

import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.session.Session;

/**
 * Finds a matrix by the name a command or function gives: a matrix defined with {@code matrix}, or a stored
 * result {@code r(name)}, {@code e(name)}, {@code s(name)}.
 */
public final class MatrixLookup {
    private MatrixLookup() {
    }

    /** The matrix, or null when there is none of that name. */
    public static Matrix find(Session s, String reference) {
        String ref = reference.strip();
        if (isStored(ref)) {
            return s.results(ref.charAt(0)).matrices().get(ref.substring(2, ref.length() - 1).strip());
        }
        return s.matrices().get(ref);
    }

    /** The matrix; a missing one is {@code matrix X not found}, r(111), as {@code matrix list} says. */
    public static Matrix require(Session s, String reference) {
        Matrix m = find(s, reference);
        if (m == null) {
            throw StataError.of(111, "matrix " + reference.strip() + " not found");
        }
        return m;
    }

    /** Whether the reference names a stored result, {@code r(V)}, {@code e(b)}, {@code s(x)}. */
    public static boolean isStored(String ref) {
        return ref.length() > 3 && "res".indexOf(ref.charAt(0)) >= 0 && ref.charAt(1) == '(' && ref.endsWith(")");
    }
}
