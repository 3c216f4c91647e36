package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.exec.StataError;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens: numbers, missing literals, strings (also compound-quoted), names, operators. */
public final class Lexer {
    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    public static List<Token> tokenize(String src) {
        Lexer lx = new Lexer(src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return out;
    }

    /** Tokens up to the first character that cannot start a token (the rest of a one-line {@code if} command). */
    public static List<Token> tokenizeLenient(String src) {
        Lexer lx = new Lexer(src);
        List<Token> out = new ArrayList<>();
        while (true) {
            int at = lx.pos;
            Token t;
            try {
                t = lx.next();
            } catch (StataError e) {
                out.add(new Token(Token.Kind.EOF, "", 0, at, at));
                return out;
            }
            out.add(t);
            if (t.kind() == Token.Kind.EOF) {
                return out;
            }
        }
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= src.length()) {
            return new Token(Token.Kind.EOF, "", 0, start, start);
        }
        char c = src.charAt(pos);
        if (c == '"') {
            int end = src.indexOf('"', pos + 1);
            if (end < 0) {
                throw StataError.of(198, "unmatched quote");
            }
            pos = end + 1;
            return new Token(Token.Kind.STRING, src.substring(start + 1, end), 0, start, pos);
        }
        if (c == '`' && pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
            int end = Quotes.compoundEnd(src, pos);
            if (end < 0) {
                throw StataError.of(198, "unmatched quote");
            }
            pos = end + 2;
            return new Token(Token.Kind.STRING, src.substring(start + 2, end), 0, start, pos);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '.') {
            pos++;
            if (pos < src.length() && src.charAt(pos) >= 'a' && src.charAt(pos) <= 'z'
                    && (pos + 1 >= src.length() || !isNameChar(src.charAt(pos + 1)))) {
                char letter = src.charAt(pos++);
                return new Token(Token.Kind.NUMBER, "." + letter, Missing.extended(letter), start, pos);
            }
            return new Token(Token.Kind.NUMBER, ".", Missing.SYSMISS, start, pos);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && isNameChar(src.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.IDENT, src.substring(start, pos), 0, start, pos);
        }
        if (c == '%') {
            pos++;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                    || src.charAt(pos) == '-' || src.charAt(pos) == ',')) {
                pos++;
            }
            return new Token(Token.Kind.FORMAT, src.substring(start, pos), 0, start, pos);
        }
        String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
        switch (two) {
            case "==", "!=", "~=", ">=", "<=" -> {
                pos += 2;
                return new Token(Token.Kind.OP, two, 0, start, pos);
            }
            default -> { }
        }
        if ("+-*/^()[],=<>&|!~:".indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.OP, String.valueOf(c), 0, start, pos);
        }
        throw StataError.of(198, "invalid syntax");
    }

    private Token number(int start) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        if (pos < src.length() && isNameChar(src.charAt(pos))) {
            throw StataError.of(198, src.substring(start, Math.min(src.length(), pos + 1)) + " invalid name");
        }
        String text = src.substring(start, pos);
        return new Token(Token.Kind.NUMBER, text, Double.parseDouble(text), start, pos);
    }

    public static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
