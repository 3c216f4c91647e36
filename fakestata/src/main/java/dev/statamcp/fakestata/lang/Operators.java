package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.exec.StataError;

/**
 * Builds the operator nodes with Stata's rules: any arithmetic with a missing value is missing, division by zero is
 * missing, {@code +} joins strings, {@code *} repeats a string, logical operators treat missing as true, and mixing
 * strings with numbers is a type mismatch (r(109)).
 */
public final class Operators {
    private Operators() {
    }

    public static StataError typeMismatch() {
        return StataError.of(109, "type mismatch");
    }

    public static Expr arithmetic(char op, Expr l, Expr r) {
        if (l.isString() || r.isString()) {
            if (op == '+' && l.isString() && r.isString()) {
                return Expr.string(c -> l.str(c).concat(r.str(c)));
            }
            if (op == '*' && l.isString() != r.isString()) {
                Expr s = l.isString() ? l : r;
                Expr n = l.isString() ? r : l;
                return Expr.string(c -> {
                    double k = n.num(c);
                    return Missing.is(k) || k < 1 ? "" : s.str(c).repeat((int) k);
                });
            }
            throw typeMismatch();
        }
        return switch (op) {
            case '+' -> Expr.number(c -> {
                double a = l.num(c);
                double b = r.num(c);
                return Missing.is(a) || Missing.is(b) ? Missing.SYSMISS : Missing.clean(a + b);
            });
            case '-' -> Expr.number(c -> {
                double a = l.num(c);
                double b = r.num(c);
                return Missing.is(a) || Missing.is(b) ? Missing.SYSMISS : Missing.clean(a - b);
            });
            case '*' -> Expr.number(c -> {
                double a = l.num(c);
                double b = r.num(c);
                return Missing.is(a) || Missing.is(b) ? Missing.SYSMISS : Missing.clean(a * b);
            });
            case '/' -> Expr.number(c -> {
                double a = l.num(c);
                double b = r.num(c);
                return Missing.is(a) || Missing.is(b) || b == 0 ? Missing.SYSMISS : Missing.clean(a / b);
            });
            case '^' -> Expr.number(c -> {
                double a = l.num(c);
                double b = r.num(c);
                return Missing.is(a) || Missing.is(b) ? Missing.SYSMISS : Missing.clean(Math.pow(a, b));
            });
            default -> throw StataError.of(198, "invalid syntax");
        };
    }

    public static Expr compare(String op, Expr l, Expr r) {
        if (l.isString() != r.isString()) {
            throw typeMismatch();
        }
        if (l.isString()) {
            return switch (op) {
                case "==" -> Expr.number(c -> l.str(c).equals(r.str(c)) ? 1 : 0);
                case "!=", "~=" -> Expr.number(c -> l.str(c).equals(r.str(c)) ? 0 : 1);
                case "<" -> Expr.number(c -> l.str(c).compareTo(r.str(c)) < 0 ? 1 : 0);
                case ">" -> Expr.number(c -> l.str(c).compareTo(r.str(c)) > 0 ? 1 : 0);
                case "<=" -> Expr.number(c -> l.str(c).compareTo(r.str(c)) <= 0 ? 1 : 0);
                default -> Expr.number(c -> l.str(c).compareTo(r.str(c)) >= 0 ? 1 : 0);
            };
        }
        return switch (op) {
            case "==" -> Expr.number(c -> l.num(c) == r.num(c) ? 1 : 0);
            case "!=", "~=" -> Expr.number(c -> l.num(c) != r.num(c) ? 1 : 0);
            case "<" -> Expr.number(c -> l.num(c) < r.num(c) ? 1 : 0);
            case ">" -> Expr.number(c -> l.num(c) > r.num(c) ? 1 : 0);
            case "<=" -> Expr.number(c -> l.num(c) <= r.num(c) ? 1 : 0);
            default -> Expr.number(c -> l.num(c) >= r.num(c) ? 1 : 0);
        };
    }

    public static Expr logical(char op, Expr l, Expr r) {
        if (l.isString() || r.isString()) {
            throw typeMismatch();
        }
        if (op == '&') {
            return Expr.number(c -> l.num(c) != 0 && r.num(c) != 0 ? 1 : 0);
        }
        return Expr.number(c -> l.num(c) != 0 || r.num(c) != 0 ? 1 : 0);
    }

    public static Expr negate(Expr e) {
        if (e.isString()) {
            throw typeMismatch();
        }
        return Expr.number(c -> {
            double v = e.num(c);
            return Missing.is(v) ? v : -v;
        });
    }

    public static Expr not(Expr e) {
        if (e.isString()) {
            throw typeMismatch();
        }
        return Expr.number(c -> e.num(c) == 0 ? 1 : 0);
    }
}
