package dev.statamcp.fakestata.lang;

import dev.statamcp.fakestata.exec.StataError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Stata expressions with Stata's precedence: {@code |}, {@code &}, relations, {@code + -}, {@code * /},
 * negation, {@code ^} (left-associative, so {@code -2^2} is -4 and {@code 2^3^2} is 64).
 */
public final class ExprParser {
    private final List<Token> tokens;
    private final Names names;
    private int pos;

    public ExprParser(List<Token> tokens, int start, Names names) {
        this.tokens = tokens;
        this.pos = start;
        this.names = names;
    }

    /** Compiles a whole expression; anything left over is a syntax error. */
    public static Expr compile(String text, Names names) {
        List<Token> toks = Lexer.tokenize(text);
        if (toks.get(0).kind() == Token.Kind.EOF) {
            throw StataError.of(198, "invalid syntax");
        }
        ExprParser p = new ExprParser(toks, 0, names);
        Expr e = p.parse();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw StataError.of(198, "invalid syntax");
        }
        return e;
    }

    public int position() {
        return pos;
    }

    public Token peek() {
        return tokens.get(pos);
    }

    public Expr parse() {
        return or();
    }

    private Expr or() {
        Expr l = and();
        while (peek().isOp("|")) {
            pos++;
            l = Operators.logical('|', l, and());
        }
        return l;
    }

    private Expr and() {
        Expr l = relation();
        while (peek().isOp("&")) {
            pos++;
            l = Operators.logical('&', l, relation());
        }
        return l;
    }

    private Expr relation() {
        Expr l = additive();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.OP && (t.text().equals("==") || t.text().equals("!=") || t.text().equals("~=")
                    || t.text().equals("<") || t.text().equals(">") || t.text().equals("<=")
                    || t.text().equals(">="))) {
                pos++;
                l = Operators.compare(t.text(), l, additive());
            } else if (t.isOp("=")) {
                // a single = inside an expression is Stata's most common typo; it says so
                throw StataError.of(198, "invalid syntax");
            } else {
                return l;
            }
        }
    }

    private Expr additive() {
        Expr l = multiplicative();
        while (peek().isOp("+") || peek().isOp("-")) {
            char op = tokens.get(pos++).text().charAt(0);
            l = Operators.arithmetic(op, l, multiplicative());
        }
        return l;
    }

    private Expr multiplicative() {
        Expr l = unary();
        while (peek().isOp("*") || peek().isOp("/")) {
            char op = tokens.get(pos++).text().charAt(0);
            l = Operators.arithmetic(op, l, unary());
        }
        return l;
    }

    private Expr unary() {
        if (peek().isOp("-")) {
            pos++;
            return Operators.negate(unary());
        }
        if (peek().isOp("+")) {
            pos++;
            return unary();
        }
        if (peek().isOp("!") || peek().isOp("~")) {
            pos++;
            return Operators.not(unary());
        }
        return power();
    }

    private Expr power() {
        Expr l = primary();
        while (peek().isOp("^")) {
            pos++;
            l = Operators.arithmetic('^', l, powerOperand());
        }
        return l;
    }

    private Expr powerOperand() {
        if (peek().isOp("-")) {
            pos++;
            return Operators.negate(powerOperand());
        }
        return primary();
    }

    private Expr primary() {
        Token t = tokens.get(pos);
        switch (t.kind()) {
            case NUMBER -> {
                pos++;
                return Expr.constant(t.number());
            }
            case STRING -> {
                pos++;
                return Expr.constant(t.text());
            }
            case OP -> {
                if (t.text().equals("(")) {
                    pos++;
                    Expr e = or();
                    expect(")");
                    return e;
                }
                throw StataError.of(198, "invalid syntax");
            }
            case IDENT -> {
                pos++;
                return identifier(t.text());
            }
            case EOF -> throw StataError.of(198, "invalid syntax");
            default -> throw StataError.of(198, "invalid syntax");
        }
    }

    private Expr identifier(String name) {
        Token next = peek();
        if (next.isOp("(")) {
            if ((name.equals("c") || name.equals("r") || name.equals("e") || name.equals("s"))
                    && tokens.get(pos + 1).kind() == Token.Kind.IDENT && tokens.get(pos + 2).isOp(")")) {
                String key = tokens.get(pos + 1).text();
                pos += 3;
                return names.result(name, key);
            }
            if (names.takesMatrix(name)) {
                return matrixCall(name);
            }
            pos++;
            List<Expr> args = new ArrayList<>();
            if (!peek().isOp(")")) {
                args.add(or());
                while (peek().isOp(",")) {
                    pos++;
                    args.add(or());
                }
            }
            expect(")");
            return names.call(name, args);
        }
        if (next.isOp("[")) {
            if (name.equals("_b") || name.equals("_coef") || name.equals("_se")) {
                pos++;
                StringBuilder key = new StringBuilder();
                while (!peek().isOp("]") && peek().kind() != Token.Kind.EOF) {
                    key.append(tokens.get(pos++).text());
                }
                expect("]");
                return names.result(name.equals("_coef") ? "_b" : name, key.toString());
            }
            pos++;
            Expr first = or();
            Expr second = null;
            if (peek().isOp(",")) {
                pos++;
                second = or();
            }
            expect("]");
            return names.subscript(name, first, second);
        }
        return names.name(name);
    }

    /** {@code f(M, args)} where M is a matrix name, a stored matrix {@code e(b)}, or a string holding a name. */
    private Expr matrixCall(String function) {
        pos++;
        Token t = peek();
        String matrix;
        if (t.kind() == Token.Kind.STRING) {
            matrix = t.text();
            pos++;
        } else if (t.kind() == Token.Kind.IDENT) {
            pos++;
            matrix = t.text();
            if (t.text().length() == 1 && "res".contains(t.text()) && peek().isOp("(")
                    && tokens.get(pos + 1).kind() == Token.Kind.IDENT && tokens.get(pos + 2).isOp(")")) {
                matrix = t.text() + "(" + tokens.get(pos + 1).text() + ")";
                pos += 3;
            }
        } else {
            throw StataError.of(198, "invalid syntax");
        }
        List<Expr> args = new ArrayList<>();
        while (peek().isOp(",")) {
            pos++;
            args.add(or());
        }
        expect(")");
        return names.matrixCall(function, matrix, args);
    }

    private void expect(String op) {
        if (!peek().isOp(op)) {
            if (op.equals(")") || op.equals("]")) {
                throw StataError.of(132, "too many '(' or '['");
            }
            throw StataError.of(198, "invalid syntax");
        }
        pos++;
    }
}
