package dev.statamcp.fakestata.lang;

import java.util.List;

/** Resolves the names an expression mentions against the session: variables, scalars, results, functions. */
public interface Names {
    /** A bare name: a variable (abbreviations allowed), a scalar, {@code _n}, {@code _N}, {@code _rc}, {@code _pi}. */
    Expr name(String name);

    /** {@code name[exp]}: an observation of a variable, or {@code M[i,j]} when j is given and name is a matrix. */
    Expr subscript(String name, Expr first, Expr second);

    /** {@code c(x)}, {@code r(x)}, {@code e(x)}, {@code s(x)}, {@code _b[x]}, {@code _se[x]}. */
    Expr result(String kind, String key);

    /** A function call. */
    Expr call(String function, List<Expr> args);

    /** Whether the function's first argument names a matrix ({@code rowsof(A)}, {@code el(e(b),1,1)}). */
    default boolean takesMatrix(String function) {
        return false;
    }

    /** A call of such a function: the matrix reference as written ({@code A}, {@code e(V)}), then the rest. */
    default Expr matrixCall(String function, String matrix, List<Expr> args) {
        throw new UnsupportedOperationException(function);
    }
}
