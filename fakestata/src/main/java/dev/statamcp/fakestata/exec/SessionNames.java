package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;
import dev.statamcp.fakestata.lang.Functions;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.Names;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.results.MatrixLookup;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.CValues;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/** Resolves expression names against a session: variables first (as Stata does), then scalars and built-ins. */
public final class SessionNames implements Names {
    private final Session session;
    private final Functions functions;

    SessionNames(Session session) {
        this.session = session;
        this.functions = new Functions(new java.util.function.Supplier<java.util.SplittableRandom>() {
            @Override
            public java.util.SplittableRandom get() {
                return session.rng();
            }
        });
    }

    @Override
    public Expr name(String name) {
        switch (name) {
            case "_n":
                return Expr.number(c -> c.obs + 1);
            case "_N":
                return Expr.number(c -> c.nobs);
            case "_rc":
                return Expr.number(c -> session.rc());
            case "_pi":
                return Expr.constant(Math.PI);
            case "_cons":
                return Expr.constant(1);
            default:
                break;
        }
        Variable v = session.data().find(name);
        if (v != null) {
            return variable(v);
        }
        Value scalar = session.scalars().get(name);
        if (scalar != null) {
            return scalar.isString() ? Expr.string(c -> session.scalars().getOrDefault(name, scalar).asString())
                    : Expr.number(c -> session.scalars().getOrDefault(name, scalar).asNumber());
        }
        throw StataError.of(111, name + " not found");
    }

    private Expr variable(Variable v) {
        if (v.isString()) {
            return Expr.string(c -> c.obs < session.data().n() ? v.str(c.obs) : "");
        }
        return Expr.number(c -> c.obs < session.data().n() ? v.num(c.obs) : Missing.SYSMISS);
    }

    @Override
    public Expr subscript(String name, Expr first, Expr second) {
        if (second != null || (session.data().find(name) == null && session.matrices().containsKey(name))) {
            Matrix m = matrix(name);
            Expr col = second == null ? Expr.constant(1) : second;
            return Expr.number(c -> {
                int i = (int) Math.round(first.num(c)) - 1;
                int j = (int) Math.round(col.num(c)) - 1;
                if (i < 0 || j < 0 || i >= m.rows() || j >= m.cols()) {
                    throw StataError.of(503, "conformability error");
                }
                return m.get(i, j);
            });
        }
        Variable v = session.data().require(name);
        if (first.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        if (v.isString()) {
            return Expr.string(c -> {
                int i = index(first, c);
                return i >= 0 ? v.str(i) : "";
            });
        }
        return Expr.number(c -> {
            int i = index(first, c);
            return i >= 0 ? v.num(i) : Missing.SYSMISS;
        });
    }

    private int index(Expr e, EvalContext c) {
        double d = e.num(c);
        if (Missing.is(d)) {
            return -1;
        }
        int i = (int) d - 1;
        return i >= 0 && i < session.data().n() ? i : -1;
    }

    private Matrix matrix(String name) {
        return MatrixLookup.require(session, name);
    }

    @Override
    public Expr result(String kind, String key) {
        if (kind.equals("c")) {
            Value probe = CValues.get(session, key);
            return probe.isString() ? Expr.string(c -> CValues.get(session, key).asString())
                    : Expr.number(c -> CValues.get(session, key).asNumber());
        }
        if (kind.equals("_b") || kind.equals("_se")) {
            return coefficient(kind, key);
        }
        if (kind.equals("e") && key.equals("sample")) {
            return Expr.number(c -> {
                boolean[] s = session.e().sample();
                return s != null && c.obs < s.length && s[c.obs] ? 1 : 0;
            });
        }
        ResultSet rs = session.results(kind.charAt(0));
        if (rs.macros().containsKey(key)) {
            return Expr.string(c -> rs.macros().getOrDefault(key, ""));
        }
        if (rs.matrices().containsKey(key)) {
            throw StataError.of(509, "matrix operators that return matrices not allowed in this context");
        }
        return Expr.number(c -> {
            Double d = rs.scalars().get(key);
            return d == null ? Missing.SYSMISS : d;
        });
    }

    private Expr coefficient(String kind, String key) {
        Matrix b = session.e().matrices().get("b");
        if (b == null) {
            throw StataError.of(301, "last estimates not found");
        }
        int j = b.colNames().indexOf(key);
        if (j < 0) {
            Variable v = session.data().find(key);
            j = v == null ? -1 : b.colNames().indexOf(v.name());
        }
        if (j < 0) {
            throw StataError.of(111, "[" + key + "] not found");
        }
        if (kind.equals("_b")) {
            double value = b.get(0, j);
            return Expr.constant(value);
        }
        Matrix v = session.e().matrices().get("V");
        double se = v == null ? Missing.SYSMISS : Math.sqrt(v.get(j, j));
        return Expr.constant(se);
    }

    @Override
    public boolean takesMatrix(String function) {
        return MatrixFunctions.isMatrixFunction(function);
    }

    @Override
    public Expr matrixCall(String function, String matrix, List<Expr> args) {
        return MatrixFunctions.call(session, function, matrix, args);
    }

    @Override
    public Expr call(String function, List<Expr> args) {
        if (function.equals("scalar") && args.size() == 1) {
            throw StataError.of(198, "invalid syntax");
        }
        return functions.call(function, args, session.data());
    }
}
