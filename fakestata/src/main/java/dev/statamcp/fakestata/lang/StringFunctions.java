package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.exec.StataError;
import java.util.List;
import java.util.Locale;

/** String functions: substr, upper/lower, trim, strlen, strpos, subinstr, word, wordcount, string, real, ... */
final class StringFunctions {
    private StringFunctions() {
    }

    static Expr call(String n, List<Expr> a) {
        switch (n) {
            case "strlen", "length", "ustrlen":
                str(a, n, 1, 1);
                return Expr.number(c -> n.equals("ustrlen") ? a.get(0).str(c).codePointCount(0,
                        a.get(0).str(c).length()) : a.get(0).str(c).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            case "upper", "strupper", "ustrupper":
                str(a, n, 1, 1);
                return Expr.string(c -> a.get(0).str(c).toUpperCase(Locale.ROOT));
            case "lower", "strlower", "ustrlower":
                str(a, n, 1, 1);
                return Expr.string(c -> a.get(0).str(c).toLowerCase(Locale.ROOT));
            case "trim", "strtrim", "ustrtrim":
                str(a, n, 1, 1);
                return Expr.string(c -> a.get(0).str(c).strip());
            case "ltrim", "strltrim", "ustrltrim":
                str(a, n, 1, 1);
                return Expr.string(c -> a.get(0).str(c).stripLeading());
            case "rtrim", "strrtrim", "ustrrtrim":
                str(a, n, 1, 1);
                return Expr.string(c -> a.get(0).str(c).stripTrailing());
            case "itrim", "stritrim":
                str(a, n, 1, 1);
                return Expr.string(c -> a.get(0).str(c).replaceAll(" {2,}", " "));
            case "strreverse", "ustrreverse":
                str(a, n, 1, 1);
                return Expr.string(c -> new StringBuilder(a.get(0).str(c)).reverse().toString());
            case "substr", "usubstr": {
                Functions.count(a, n, 3, 3);
                requireTypes(a, true, false, false);
                return Expr.string(c -> substr(a.get(0).str(c), a.get(1).num(c), a.get(2).num(c)));
            }
            case "strpos", "ustrpos": {
                Functions.count(a, n, 2, 2);
                requireTypes(a, true, true);
                return Expr.number(c -> a.get(0).str(c).indexOf(a.get(1).str(c)) + 1);
            }
            case "subinstr", "usubinstr": {
                Functions.count(a, n, 4, 4);
                requireTypes(a, true, true, true, false);
                return Expr.string(c -> subinstr(a.get(0).str(c), a.get(1).str(c), a.get(2).str(c), a.get(3).num(c)));
            }
            case "word": {
                Functions.count(a, n, 2, 2);
                requireTypes(a, true, false);
                return Expr.string(c -> {
                    String[] w = a.get(0).str(c).trim().split("\\s+");
                    int i = (int) a.get(1).num(c);
                    if (i < 0) {
                        i = w.length + i + 1;
                    }
                    return i >= 1 && i <= w.length && !w[0].isEmpty() ? w[i - 1] : "";
                });
            }
            case "wordcount": {
                str(a, n, 1, 1);
                return Expr.number(c -> {
                    String s = a.get(0).str(c).trim();
                    return s.isEmpty() ? 0 : s.split("\\s+").length;
                });
            }
            case "string", "strofreal": {
                Functions.count(a, n, 1, 2);
                if (a.get(0).isString()) {
                    throw Operators.typeMismatch();
                }
                if (a.size() == 2) {
                    requireTypes(a, false, true);
                    return Expr.string(c -> {
                        NumberFormat f = NumberFormat.parse(a.get(1).str(c));
                        return f == null ? "." : f.format(a.get(0).num(c)).strip();
                    });
                }
                return Expr.string(c -> NumberFormat.general(a.get(0).num(c), 8, false));
            }
            case "real": {
                str(a, n, 1, 1);
                return Expr.number(c -> {
                    try {
                        return Double.parseDouble(a.get(0).str(c).trim());
                    } catch (NumberFormatException e) {
                        return Missing.SYSMISS;
                    }
                });
            }
            case "char", "uchar": {
                Functions.count(a, n, 1, 1);
                requireTypes(a, false);
                return Expr.string(c -> {
                    double v = a.get(0).num(c);
                    return Missing.is(v) || v < 1 ? "" : new String(Character.toChars((int) v));
                });
            }
            case "regexm", "ustrregexm": {
                Functions.count(a, n, 2, 2);
                requireTypes(a, true, true);
                return Expr.number(c -> java.util.regex.Pattern.compile(a.get(1).str(c)).matcher(a.get(0).str(c)).find()
                        ? 1 : 0);
            }
            case "fileexists": {
                str(a, n, 1, 1);
                return Expr.number(c -> java.nio.file.Files.exists(java.nio.file.Path.of(a.get(0).str(c))) ? 1 : 0);
            }
            case "strtoname": {
                Functions.count(a, n, 1, 2);
                return Expr.string(c -> {
                    String s = a.get(0).str(c).replaceAll("[^A-Za-z0-9_]", "_");
                    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
                });
            }
            default:
                throw StataError.of(133, "unknown function " + n + "()");
        }
    }

    private static String substr(String s, double from, double len) {
        int n = s.length();
        if (Missing.is(from)) {
            return "";
        }
        int start = (int) from;
        if (start < 0) {
            start = n + start + 1;
        }
        if (start < 1 || start > n) {
            return "";
        }
        int count = Missing.is(len) ? n : (int) len;
        if (count <= 0) {
            return "";
        }
        return s.substring(start - 1, Math.min(n, start - 1 + count));
    }

    private static String subinstr(String s, String from, String to, double times) {
        if (from.isEmpty()) {
            return s;
        }
        if (Missing.is(times)) {
            return s.replace(from, to);
        }
        String out = s;
        int pos = 0;
        for (int i = 0; i < (int) times; i++) {
            int at = out.indexOf(from, pos);
            if (at < 0) {
                break;
            }
            out = out.substring(0, at) + to + out.substring(at + from.length());
            pos = at + to.length();
        }
        return out;
    }

    private static void str(List<Expr> a, String n, int min, int max) {
        Functions.count(a, n, min, max);
        for (Expr e : a) {
            if (!e.isString()) {
                throw Operators.typeMismatch();
            }
        }
    }

    private static void requireTypes(List<Expr> a, boolean... strings) {
        for (int i = 0; i < strings.length && i < a.size(); i++) {
            if (a.get(i).isString() != strings[i]) {
                throw Operators.typeMismatch();
            }
        }
    }
}
