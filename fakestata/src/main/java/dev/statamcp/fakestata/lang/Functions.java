package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.exec.StataError;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Stata's expression functions the emulator knows: mathematics, missing-value and list helpers, random numbers
 * (seeded by {@code set seed}; the draws differ from Stata's own generator), strings and conversions.
 */
public final class Functions {
    private final Supplier<SplittableRandom> rng;

    /** @param rng the session's generator, looked up at each draw ({@code set seed} replaces it) */
    public Functions(Supplier<SplittableRandom> rng) {
        this.rng = rng;
    }

    public Expr call(String name, List<Expr> a, Dataset data) {
        String n = name;
        switch (n) {
            case "abs": return math1(a, n, Math::abs);
            case "ceil": return math1(a, n, Math::ceil);
            case "floor": return math1(a, n, Math::floor);
            case "int", "trunc": return math1(a, n, x -> x < 0 ? Math.ceil(x) : Math.floor(x));
            case "exp": return math1(a, n, Math::exp);
            case "ln", "log": return math1(a, n, x -> x > 0 ? Math.log(x) : Missing.SYSMISS);
            case "log10": return math1(a, n, x -> x > 0 ? Math.log10(x) : Missing.SYSMISS);
            case "sqrt": return math1(a, n, x -> x >= 0 ? Math.sqrt(x) : Missing.SYSMISS);
            case "sin": return math1(a, n, Math::sin);
            case "cos": return math1(a, n, Math::cos);
            case "tan": return math1(a, n, Math::tan);
            case "asin": return math1(a, n, Math::asin);
            case "acos": return math1(a, n, Math::acos);
            case "atan": return math1(a, n, Math::atan);
            case "sign": return math1(a, n, Math::signum);
            case "float": return math1(a, n, x -> (float) x);
            case "lnfactorial": return math1(a, n, x -> Distributions.logGamma(x + 1));
            case "lngamma": return math1(a, n, Distributions::logGamma);
            case "normal": return math1(a, n, Distributions::normalCdf);
            case "invnormal": return math1(a, n, Distributions::invNormal);
            case "normalden": {
                count(a, n, 1, 3);
                Expr m = a.size() > 1 ? a.get(1) : Expr.constant(0);
                Expr sd = a.size() > 2 ? a.get(2) : Expr.constant(1);
                return numeric(c -> {
                    double z = (a.get(0).num(c) - m.num(c)) / sd.num(c);
                    return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / sd.num(c);
                }, a);
            }
            case "ttail": return math2(a, n, (df, t) -> Distributions.tTail(df, t));
            case "invttail": return math2(a, n, (df, p) -> Distributions.invTTail(df, p));
            case "Ftail": return math3(a, n, Distributions::fTail);
            case "atan2": return math2(a, n, Math::atan2);
            case "mod": return math2(a, n, (x, y) -> y == 0 ? Missing.SYSMISS : x - y * Math.floor(x / y));
            case "comb": return math2(a, n, (x, y) -> Math.round(Math.exp(Distributions.logGamma(x + 1)
                    - Distributions.logGamma(y + 1) - Distributions.logGamma(x - y + 1))));
            case "round": {
                count(a, n, 1, 2);
                Expr unit = a.size() > 1 ? a.get(1) : Expr.constant(1);
                return numeric(c -> {
                    double x = a.get(0).num(c);
                    double u = unit.num(c);
                    if (Missing.is(x) || Missing.is(u)) {
                        return Missing.SYSMISS;
                    }
                    return u == 0 ? x : Math.floor(x / u + 0.5) * u;
                }, a);
            }
            case "min", "max": {
                if (a.isEmpty()) {
                    throw StataError.of(198, "invalid syntax");
                }
                boolean max = n.equals("max");
                return numeric(c -> {
                    double best = Missing.SYSMISS;
                    boolean found = false;
                    for (Expr e : a) {
                        double v = e.num(c);
                        if (Missing.is(v)) {
                            continue;
                        }
                        if (!found || (max ? v > best : v < best)) {
                            best = v;
                            found = true;
                        }
                    }
                    return best;
                }, a);
            }
            case "missing", "mi": {
                if (a.isEmpty()) {
                    throw StataError.of(198, "invalid syntax");
                }
                return Expr.number(c -> {
                    for (Expr e : a) {
                        if (e.isString() ? e.str(c).isEmpty() : Missing.is(e.num(c))) {
                            return 1;
                        }
                    }
                    return 0;
                });
            }
            case "runiform": {
                count(a, n, 0, 2);
                if (a.size() == 1) {
                    throw StataError.of(198, "invalid syntax");
                }
                if (a.isEmpty()) {
                    return Expr.number(c -> rng.get().nextDouble());
                }
                return numeric(c -> {
                    double lo = a.get(0).num(c);
                    return lo + (a.get(1).num(c) - lo) * rng.get().nextDouble();
                }, a);
            }
            case "runiformint": return math2(a, n, (lo, hi) -> Math.floor(lo + (hi - lo + 1) * rng.get().nextDouble()));
            case "rnormal": {
                count(a, n, 0, 2);
                Expr m = a.size() > 0 ? a.get(0) : Expr.constant(0);
                Expr sd = a.size() > 1 ? a.get(1) : Expr.constant(1);
                return numeric(c -> m.num(c) + sd.num(c) * Distributions.gaussian(rng.get()), a);
            }
            case "sum": {
                count(a, n, 1, 1);
                double[] running = new double[1];
                return numeric(c -> {
                    if (c.obs == 0) {
                        running[0] = 0;
                    }
                    double v = a.get(0).num(c);
                    if (!Missing.is(v)) {
                        running[0] += v;
                    }
                    return running[0];
                }, a);
            }
            case "cond": {
                count(a, n, 3, 4);
                Expr t = a.get(1);
                Expr f = a.get(2);
                if (t.isString() != f.isString() || a.get(0).isString()) {
                    throw Operators.typeMismatch();
                }
                Expr m = a.size() > 3 ? a.get(3) : null;
                if (t.isString()) {
                    return Expr.string(c -> {
                        double v = a.get(0).num(c);
                        return m != null && Missing.is(v) ? m.str(c) : v != 0 ? t.str(c) : f.str(c);
                    });
                }
                return Expr.number(c -> {
                    double v = a.get(0).num(c);
                    return m != null && Missing.is(v) ? m.num(c) : v != 0 ? t.num(c) : f.num(c);
                });
            }
            case "inlist": {
                if (a.size() < 2) {
                    throw StataError.of(198, "invalid syntax");
                }
                boolean str = a.get(0).isString();
                for (Expr e : a) {
                    if (e.isString() != str) {
                        throw Operators.typeMismatch();
                    }
                }
                return Expr.number(c -> {
                    if (str) {
                        String v = a.get(0).str(c);
                        for (int i = 1; i < a.size(); i++) {
                            if (a.get(i).str(c).equals(v)) {
                                return 1;
                            }
                        }
                    } else {
                        double v = a.get(0).num(c);
                        for (int i = 1; i < a.size(); i++) {
                            if (a.get(i).num(c) == v) {
                                return 1;
                            }
                        }
                    }
                    return 0;
                });
            }
            case "inrange": {
                count(a, n, 3, 3);
                return numeric(c -> {
                    double v = a.get(0).num(c);
                    return v >= a.get(1).num(c) && v <= a.get(2).num(c) ? 1 : 0;
                }, a);
            }
            default:
                return StringFunctions.call(n, a);
        }
    }

    static void count(List<Expr> a, String name, int min, int max) {
        if (a.size() < min || a.size() > max) {
            throw StataError.of(198, "invalid syntax");
        }
    }

    static Expr numeric(Expr.NumFn f, List<Expr> args) {
        for (Expr e : args) {
            if (e.isString()) {
                throw Operators.typeMismatch();
            }
        }
        return Expr.number(f);
    }

    interface D1 {
        double apply(double x);
    }

    interface D2 {
        double apply(double x, double y);
    }

    interface D3 {
        double apply(double x, double y, double z);
    }

    private static Expr math1(List<Expr> a, String name, D1 f) {
        count(a, name, 1, 1);
        Expr x = a.get(0);
        return numeric(c -> {
            double v = x.num(c);
            return Missing.is(v) ? Missing.SYSMISS : Missing.clean(f.apply(v));
        }, a);
    }

    private static Expr math2(List<Expr> a, String name, D2 f) {
        count(a, name, 2, 2);
        return numeric(c -> {
            double x = a.get(0).num(c);
            double y = a.get(1).num(c);
            return Missing.is(x) || Missing.is(y) ? Missing.SYSMISS : Missing.clean(f.apply(x, y));
        }, a);
    }

    private static Expr math3(List<Expr> a, String name, D3 f) {
        count(a, name, 3, 3);
        return numeric(c -> {
            double x = a.get(0).num(c);
            double y = a.get(1).num(c);
            double z = a.get(2).num(c);
            return Missing.is(x) || Missing.is(y) || Missing.is(z) ? Missing.SYSMISS : Missing.clean(f.apply(x, y, z));
        }, a);
    }
}
