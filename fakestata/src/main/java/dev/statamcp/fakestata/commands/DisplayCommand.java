package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;
import dev.statamcp.fakestata.lang.ExprParser;
import dev.statamcp.fakestata.lang.Lexer;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Token;
import dev.statamcp.fakestata.out.Style;
import java.util.List;

/**
 * {@code display}: strings and expressions side by side ({@code display "a" "b" 1+2}), {@code %fmt exp},
 * {@code _n[(#)]}, {@code _col(#)}, {@code _skip(#)}, {@code _dup(#)}, {@code _char(#)}, {@code _continue},
 * {@code as text|result|error|input}, {@code in smcl}. Numbers use {@code %10.0g}; long lines wrap at linesize.
 */
public final class DisplayCommand implements Command {

    @Override
    public void run(Call call) {
        DisplayTarget target = DisplayTarget.of(call.out());
        int linesize = call.session().settings().linesize;
        DisplayPlan plan = DisplayPlan.of(call.line(), call.args());
        if (plan != null) {
            play(plan, target, linesize);
            return;
        }
        render(call.args(), call.interpreter(), target, linesize);
    }

    private static void play(DisplayPlan plan, DisplayTarget target, int linesize) {
        DisplayPlan.Lines lines = plan.lines();
        if (lines != null && (linesize <= 0 || lines.widest() <= linesize)
                && target.lines(lines.utf8(), lines.count())) {
            return;
        }
        for (DisplayPlan.Step step : plan.steps()) {
            if (step.newline()) {
                target.newline();
            } else if (step.utf8() != null && (linesize <= 0 || target.column() + step.text().length() <= linesize)) {
                target.text(Style.RES, step.text(), step.utf8());
            } else {
                write(target, Style.RES, step.text(), linesize);
            }
        }
    }

    /** Renders the directives in {@code args} to {@code target}. */
    public static void render(String args, Interpreter interp, DisplayTarget target, int linesize) {
        DisplayPlan plan = DisplayPlan.of(args, args);
        if (plan != null) {
            play(plan, target, linesize);
            return;
        }
        List<Token> tokens = Lexer.tokenize(args);
        int pos = 0;
        Style style = Style.RES;
        boolean newlineAtEnd = true;
        int repeat = 1;
        EvalContext ctx = new EvalContext(0, interp.session().data().n());
        while (tokens.get(pos).kind() != Token.Kind.EOF) {
            Token t = tokens.get(pos);
            newlineAtEnd = true;
            if (t.kind() == Token.Kind.IDENT && isDirective(t.text(), tokens, pos)) {
                String d = t.text();
                pos++;
                Integer arg = null;
                if (tokens.get(pos).isOp("(")) {
                    int close = pos + 1;
                    while (!tokens.get(close).isOp(")") && tokens.get(close).kind() != Token.Kind.EOF) {
                        close++;
                    }
                    String inner = args.substring(tokens.get(pos).end(), tokens.get(close).start());
                    arg = (int) interp.evaluate(inner).asNumber();
                    pos = close + 1;
                }
                switch (d) {
                    case "_n", "_newline" -> {
                        for (int i = 0; i < (arg == null ? 1 : arg); i++) {
                            target.newline();
                        }
                    }
                    case "_col", "_column" -> {
                        int col = arg == null ? 1 : arg;
                        if (target.column() < col - 1) {
                            target.text(style, " ".repeat(col - 1 - target.column()));
                        }
                    }
                    case "_s", "_skip" -> target.text(style, " ".repeat(Math.max(0, arg == null ? 1 : arg)));
                    case "_c", "_continue" -> newlineAtEnd = false;
                    case "_dup" -> repeat = Math.max(0, arg == null ? 1 : arg);
                    case "_char" -> target.text(style, new String(Character.toChars(arg == null ? 32 : arg)));
                    case "as" -> {
                        style = styleOf(tokens.get(pos).text());
                        pos++;
                    }
                    case "in" -> pos++;
                    default -> { }
                }
                if (d.equals("_c") || d.equals("_continue")) {
                    newlineAtEnd = false;
                }
                continue;
            }
            NumberFormat fmt = null;
            if (t.kind() == Token.Kind.FORMAT) {
                fmt = NumberFormat.parse(t.text());
                if (fmt == null) {
                    throw StataError.of(120, "invalid %format");
                }
                pos++;
            }
            ExprParser p = new ExprParser(tokens, pos, interp.names());
            Expr e = p.parse();
            pos = p.position();
            String text;
            if (e.isString()) {
                String s = e.str(ctx);
                text = fmt == null ? s : fmt.format(s);
            } else {
                double v = e.num(ctx);
                text = fmt == null ? NumberFormat.general(v, 9, false) : fmt.format(v);
            }
            for (int i = 0; i < repeat; i++) {
                write(target, style, text, linesize);
            }
            repeat = 1;
        }
        if (newlineAtEnd) {
            target.newline();
        }
    }

    private static boolean isDirective(String word, List<Token> tokens, int pos) {
        switch (word) {
            case "_n", "_newline", "_col", "_column", "_s", "_skip", "_c", "_continue", "_dup", "_char":
                return true;
            case "as":
                return tokens.get(pos + 1).kind() == Token.Kind.IDENT;
            case "in":
                return tokens.get(pos + 1).is(Token.Kind.IDENT, "smcl");
            default:
                return false;
        }
    }

    private static Style styleOf(String word) {
        return switch (word) {
            case "txt", "text" -> Style.TXT;
            case "err", "error" -> Style.ERR;
            case "inp", "input" -> Style.INP;
            case "res", "result" -> Style.RES;
            default -> throw StataError.of(198, "invalid syntax");
        };
    }

    /** Writes text, breaking lines that would pass the line size as Stata's output does. */
    private static void write(DisplayTarget target, Style style, String text, int linesize) {
        String rest = text;
        while (target.column() + rest.length() > linesize && linesize > 0 && !(target instanceof DisplayTarget.Capture)) {
            int room = Math.max(1, linesize - target.column());
            target.text(style, rest.substring(0, room));
            target.newline();
            rest = rest.substring(room);
        }
        if (!rest.isEmpty()) {
            target.text(style, rest);
        }
    }
}
