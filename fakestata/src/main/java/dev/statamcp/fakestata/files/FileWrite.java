package dev.statamcp.fakestata.files;

import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Lexer;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Token;
import dev.statamcp.fakestata.lang.Value;
import java.io.IOException;
import java.util.List;

/**
 * {@code file write handle specs}. Text files take {@code "string"} and {@code `"string"'}, {@code (exp)},
 * {@code %fmt (exp)}, {@code _skip(#)}, {@code _column(#)}, {@code _newline[(#)]}, {@code _char(#)},
 * {@code _tab[(#)]}, {@code _page[(#)]} and {@code _dup(#)}; nothing is added at the end (a line ends only with
 * {@code _n}). A number without a format is written as {@code display} shows it ({@code %9.0g} without the padding:
 * {@code 74}, {@code .33333333}, {@code .} for missing); with a format it is padded to the format's width.
 * Binary files take the {@link BinaryCodec} specs.
 */
final class FileWrite {
    private FileWrite() {
    }

    static void run(OpenFile f, String specs, Interpreter interp) {
        if (!f.canWrite()) {
            throw StataError.of(198, "file handle " + f.handle() + " was opened read-only");
        }
        List<Token> tokens = Lexer.tokenize(specs);
        try {
            if (f.binary()) {
                binary(f, specs, tokens, interp);
            } else {
                text(f, specs, tokens, interp);
            }
        } catch (IOException e) {
            throw StataError.of(693, "file I/O error on write");
        }
    }

    private static void text(OpenFile f, String specs, List<Token> tokens, Interpreter interp) throws IOException {
        int pos = 0;
        int repeat = 1;
        while (tokens.get(pos).kind() != Token.Kind.EOF) {
            Token t = tokens.get(pos);
            String text;
            if (t.kind() == Token.Kind.STRING) {
                text = t.text();
                pos++;
            } else if (t.isOp("(")) {
                int close = closing(tokens, pos);
                Value v = interp.evaluate(inner(specs, tokens, pos, close));
                text = v.isString() ? v.asString() : NumberFormat.general(v.asNumber(), 9, false);
                pos = close + 1;
            } else if (t.kind() == Token.Kind.FORMAT) {
                NumberFormat fmt = NumberFormat.parse(t.text());
                if (fmt == null) {
                    throw StataError.of(120, "invalid %format");
                }
                if (!tokens.get(pos + 1).isOp("(")) {
                    throw StataError.of(198, "invalid syntax");
                }
                int close = closing(tokens, pos + 1);
                Value v = interp.evaluate(inner(specs, tokens, pos + 1, close));
                text = v.isString() ? fmt.format(v.asString()) : fmt.format(v.asNumber());
                pos = close + 1;
            } else if (t.kind() == Token.Kind.IDENT && t.text().startsWith("_")) {
                String d = directive(t.text());
                pos++;
                Integer arg = null;
                // _tab(2) takes an argument; _tab (exp) is a tab followed by an expression
                if (tokens.get(pos).isOp("(") && tokens.get(pos).start() == t.end()) {
                    int close = closing(tokens, pos);
                    arg = count(interp, inner(specs, tokens, pos, close));
                    pos = close + 1;
                }
                if (d.equals("_dup")) {
                    repeat = Math.max(0, required(arg));
                    continue;
                }
                layout(f, d, arg);
                continue;
            } else {
                throw StataError.of(198, "invalid syntax");
            }
            for (int i = 0; i < repeat; i++) {
                f.writeText(text);
            }
            repeat = 1;
        }
    }

    /** The layout directives; {@code _dup} is handled by the caller. */
    private static void layout(OpenFile f, String directive, Integer arg) throws IOException {
        switch (directive) {
            case "_newline" -> f.writeText("\n".repeat(times(arg)));
            case "_tab" -> f.writeText("\t".repeat(times(arg)));
            case "_page" -> f.writeText("\f".repeat(times(arg)));
            case "_skip" -> f.writeText(" ".repeat(times(arg)));
            case "_column" -> {
                int col = required(arg);
                if (f.column() < col - 1) {
                    f.writeText(" ".repeat(col - 1 - f.column()));
                }
            }
            case "_char" -> {
                int c = required(arg);
                if (c < 0 || c > 255) {
                    throw StataError.of(198, "_char(" + c + ") invalid");
                }
                f.writeByte(c);
            }
            default -> throw StataError.of(198, "invalid syntax");
        }
    }

    /** The directive a word abbreviates ({@code _n} is {@code _newline}, {@code _col} is {@code _column}). */
    private static String directive(String word) {
        String[][] specs = {{"_newline", "_n"}, {"_column", "_col"}, {"_skip", "_s"}, {"_tab", "_tab"},
            {"_page", "_page"}, {"_char", "_char"}, {"_dup", "_dup"}};
        for (String[] s : specs) {
            if (word.length() >= s[1].length() && s[0].startsWith(word)) {
                return s[0];
            }
        }
        throw StataError.of(198, word + " invalid");
    }

    private static void binary(OpenFile f, String specs, List<Token> tokens, Interpreter interp) throws IOException {
        int pos = 0;
        while (tokens.get(pos).kind() != Token.Kind.EOF) {
            Token t = tokens.get(pos);
            if (t.kind() != Token.Kind.FORMAT) {
                throw StataError.of(198, "invalid syntax");
            }
            BinaryCodec codec = BinaryCodec.parse(t.text());
            Token next = tokens.get(pos + 1);
            if (codec.isString() && next.kind() == Token.Kind.STRING) {
                f.write(codec.encodeString(next.text()));
                pos += 2;
                continue;
            }
            if (!next.isOp("(")) {
                throw StataError.of(198, "invalid syntax");
            }
            int close = closing(tokens, pos + 1);
            Value v = interp.evaluate(inner(specs, tokens, pos + 1, close));
            if (codec.isString()) {
                f.write(codec.encodeString(v.asString()));
            } else {
                if (v.isString()) {
                    throw StataError.of(109, "type mismatch");
                }
                f.write(codec.encodeNumber(v.asNumber(), f.hilo()));
            }
            pos = close + 1;
        }
    }

    /** The index of the parenthesis closing the one at {@code open}. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.EOF) {
                break;
            }
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")") && --depth == 0) {
                return i;
            }
        }
        throw StataError.of(132, "too many '(' or '['");
    }

    static String inner(String specs, List<Token> tokens, int open, int close) {
        String text = specs.substring(tokens.get(open).end(), tokens.get(close).start());
        if (text.isBlank()) {
            throw StataError.of(198, "invalid syntax");
        }
        return text;
    }

    private static int count(Interpreter interp, String exp) {
        Value v = interp.evaluate(exp);
        if (v.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        double d = v.asNumber();
        if (dev.statamcp.fakestata.lang.Missing.is(d)) {
            throw StataError.of(198, "invalid syntax");
        }
        return (int) d;
    }

    private static int times(Integer arg) {
        return arg == null ? 1 : Math.max(0, arg);
    }

    private static int required(Integer arg) {
        if (arg == null) {
            throw StataError.of(198, "invalid syntax");
        }
        return arg;
    }
}
