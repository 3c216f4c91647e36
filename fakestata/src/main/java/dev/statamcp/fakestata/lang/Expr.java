package dev.statamcp.fakestata.lang;

/**
 * A compiled expression. Its type (string or numeric) is fixed when it is compiled, so type mismatches are found
 * before any observation is touched, as in Stata; numeric and string evaluation are separate to avoid boxing in
 * loops over observations.
 */
public interface Expr {
    boolean isString();

    double num(EvalContext c);

    String str(EvalContext c);

    default Value value(EvalContext c) {
        return isString() ? Value.str(str(c)) : Value.num(num(c));
    }

    /** A numeric expression defined by a function of the context. */
    interface NumFn {
        double apply(EvalContext c);
    }

    /** A string expression defined by a function of the context. */
    interface StrFn {
        String apply(EvalContext c);
    }

    static Expr number(NumFn f) {
        return new Expr() {
            @Override
            public boolean isString() {
                return false;
            }

            @Override
            public double num(EvalContext c) {
                return f.apply(c);
            }

            @Override
            public String str(EvalContext c) {
                throw new IllegalStateException("numeric expression evaluated as string");
            }
        };
    }

    static Expr string(StrFn f) {
        return new Expr() {
            @Override
            public boolean isString() {
                return true;
            }

            @Override
            public double num(EvalContext c) {
                throw new IllegalStateException("string expression evaluated as number");
            }

            @Override
            public String str(EvalContext c) {
                return f.apply(c);
            }
        };
    }

    static Expr constant(double d) {
        return number(c -> d);
    }

    static Expr constant(String s) {
        return string(c -> s);
    }

    static Expr of(Value v) {
        return v instanceof Value.Str s ? constant(s.s()) : constant(v.asNumber());
    }
}
