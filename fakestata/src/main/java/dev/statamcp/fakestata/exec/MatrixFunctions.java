package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.Operators;
import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.results.MatrixLookup;
import dev.statamcp.fakestata.results.MatrixNames;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/**
 * The expression functions whose first argument is a matrix, named or stored ({@code rowsof(e(V))},
 * {@code el(e(b),1,2)}): rowsof, colsof, el, rownumb, colnumb, issymmetric, matmissing, trace. The matrix is looked
 * up when the expression is compiled, which for display, local and generate is when the command runs.
 */
final class MatrixFunctions {
    private MatrixFunctions() {
    }

    /** Whether {@code name} is one of these functions (so the parser reads its first argument as a matrix name). */
    static boolean isMatrixFunction(String name) {
        return switch (name) {
            case "rowsof", "colsof", "el", "rownumb", "colnumb", "issymmetric", "matmissing", "trace" -> true;
            default -> false;
        };
    }

    static Expr call(Session s, String function, String matrix, List<Expr> args) {
        if (function.equals("el")) {
            // el() is documented to give missing, not an error, for an element (or matrix) that is not there
            Matrix m = MatrixLookup.find(s, matrix);
            arity(args, 2);
            numeric(args);
            Expr i = args.get(0);
            Expr j = args.get(1);
            return Expr.number(c -> element(m, i, j, c));
        }
        Matrix m = MatrixLookup.require(s, matrix);
        switch (function) {
            case "rowsof" -> {
                arity(args, 0);
                return Expr.constant(m.rows());
            }
            case "colsof" -> {
                arity(args, 0);
                return Expr.constant(m.cols());
            }
            case "rownumb", "colnumb" -> {
                arity(args, 1);
                Expr name = args.get(0);
                if (!name.isString()) {
                    throw Operators.typeMismatch();
                }
                List<String> names = function.equals("rownumb") ? m.rowNames() : m.colNames();
                return Expr.number(c -> {
                    int at = MatrixNames.position(names, name.str(c));
                    return at == 0 ? Missing.SYSMISS : at;
                });
            }
            case "issymmetric" -> {
                arity(args, 0);
                // a variance matrix is symmetric by construction even where rounding made its halves differ
                return Expr.constant(m.symmetric() || symmetric(m) ? 1 : 0);
            }
            case "matmissing" -> {
                arity(args, 0);
                for (double v : m.values()) {
                    if (Missing.is(v)) {
                        return Expr.constant(1);
                    }
                }
                return Expr.constant(0);
            }
            case "trace" -> {
                arity(args, 0);
                if (m.rows() != m.cols()) {
                    throw StataError.of(505, "matrix not square");
                }
                double sum = 0;
                for (int k = 0; k < m.rows(); k++) {
                    sum += m.get(k, k);
                }
                return Expr.constant(Missing.clean(sum));
            }
            default -> throw new IllegalArgumentException("not a matrix function: " + function);
        }
    }

    private static double element(Matrix m, Expr i, Expr j, EvalContext c) {
        double r = i.num(c);
        double k = j.num(c);
        if (m == null || Missing.is(r) || Missing.is(k)) {
            return Missing.SYSMISS;
        }
        int row = (int) Math.floor(r) - 1;
        int col = (int) Math.floor(k) - 1;
        return row < 0 || col < 0 || row >= m.rows() || col >= m.cols() ? Missing.SYSMISS : m.get(row, col);
    }

    static boolean symmetric(Matrix m) {
        if (m.rows() != m.cols()) {
            return false;
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < i; j++) {
                if (m.get(i, j) != m.get(j, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void arity(List<Expr> args, int n) {
        if (args.size() != n) {
            throw StataError.of(198, "invalid syntax");
        }
    }

    private static void numeric(List<Expr> args) {
        for (Expr e : args) {
            if (e.isString()) {
                throw Operators.typeMismatch();
            }
        }
    }
}
