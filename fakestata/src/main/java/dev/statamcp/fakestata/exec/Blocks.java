package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.commands.Options;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.lang.MacroExpander;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.script.ScriptSource;
import dev.statamcp.fakestata.script.SourceLine;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Program;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands with a body: {@code forvalues}, {@code foreach}, {@code while}, {@code if}/{@code else} with braces,
 * bare {@code { }} blocks after a prefix, and {@code program define ... end}. The body is read from the source
 * first (echoed with line numbers, {@code   2. }, as Stata does), then run; the body's lines are not echoed
 * while they run, and their macros are expanded at each pass.
 */
final class Blocks {
    private final Interpreter interp;
    private final Session session;

    Blocks(Interpreter interp, Session session) {
        this.interp = interp;
        this.session = session;
    }

    boolean handles(String word, String text) {
        if (word.equals("{") || word.equals("foreach") || word.equals("while") || word.equals("if")
                || word.equals("else") || CommandTable.abbreviates(word, "FORValues")) {
            return true;
        }
        if (CommandTable.abbreviates(word, "PRogram")) {
            String second = Interpreter.firstWord(text.substring(word.length()).strip());
            return !(second.equals("drop") || second.equals("dir") || second.equals("list")
                    || second.equals("describe"));
        }
        return false;
    }

    boolean run(String word, String text, Frame frame, ScriptSource source) {
        String rest = text.substring(word.length()).strip();
        if (word.equals("{")) {
            requireEndsWithBrace(text);
            interp.runBody(collect(source, 2), frame);
            return true;
        }
        if (word.equals("if")) {
            return runIf(rest, frame, source);
        }
        if (word.equals("else")) {
            return runElse(rest, frame, source);
        }
        if (word.equals("while")) {
            return runWhile(rest, frame, source);
        }
        if (word.equals("foreach")) {
            return runForeach(rest, frame, source);
        }
        if (CommandTable.abbreviates(word, "FORValues")) {
            return runForvalues(rest, frame, source);
        }
        return defineProgram(rest, frame, source);
    }

    // ---- loops ------------------------------------------------------------------------------------------------

    private boolean runForvalues(String rest, Frame frame, ScriptSource source) {
        String header = expand(rest, frame);
        String spec = requireEndsWithBrace(header);
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = spec.substring(0, eq).trim();
        double[] range = forvaluesRange(spec.substring(eq + 1).trim());
        List<String> body = collect(source, 2);
        double from = range[0];
        double step = range[1];
        double to = range[2];
        double eps = Math.abs(step) * 1e-9;
        // values are computed as the loop goes, not listed first: a loop may run for millions of iterations
        for (long k = 0; ; k++) {
            double v = from + k * step;
            if (step > 0 ? v > to + eps : v < to - eps) {
                return true;
            }
            session.poll();
            frame.set(name, v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : dev.statamcp.fakestata.lang.NumberFormat.full(v));
            interp.runBody(body, frame);
        }
    }

    /** {@code a/b}, {@code a(d)b}: from, step, to. An empty range (b before a) runs no iteration. */
    private static double[] forvaluesRange(String range) {
        String r = range.replace(" ", "");
        int slash = r.indexOf('/');
        int paren = r.indexOf('(');
        if (slash > 0) {
            return new double[]{number(r.substring(0, slash)), 1, number(r.substring(slash + 1))};
        }
        if (paren > 0 && r.indexOf(')') > paren) {
            int close = r.indexOf(')');
            double step = number(r.substring(paren + 1, close));
            if (step == 0) {
                throw StataError.of(198, "invalid syntax");
            }
            return new double[]{number(r.substring(0, paren)), step, number(r.substring(close + 1))};
        }
        throw StataError.of(198, "invalid syntax");
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
    }

    private boolean runForeach(String rest, Frame frame, ScriptSource source) {
        String header = requireEndsWithBrace(expand(rest, frame));
        String[] parts = header.split("\\s+", 3);
        if (parts.length < 2) {
            throw StataError.of(198, "invalid syntax");
        }
        String name = parts[0];
        List<String> items = new ArrayList<>();
        String list = parts.length > 2 ? parts[2] : "";
        if (parts[1].equals("in")) {
            items.addAll(List.of(Tokens.words(list)));
        } else if (parts[1].equals("of")) {
            String[] kindAndList = list.split("\\s+", 2);
            String kind = kindAndList[0];
            String what = kindAndList.length > 1 ? kindAndList[1].trim() : "";
            if (kind.equals("local")) {
                items.addAll(List.of(Tokens.words(frame.get(what))));
            } else if (kind.equals("global")) {
                items.addAll(List.of(Tokens.words(session.globals().getOrDefault(what, ""))));
            } else if (CommandTable.abbreviates(kind, "VARlist")) {
                for (var v : dev.statamcp.fakestata.data.Varlist.expand(session.data(), what)) {
                    items.add(v.name());
                }
            } else if (kind.equals("numlist")) {
                for (double d : dev.statamcp.fakestata.lang.Numlist.parse(what)) {
                    items.add(dev.statamcp.fakestata.lang.NumberFormat.full(d));
                }
            } else if (kind.equals("newlist")) {
                items.addAll(List.of(Tokens.words(what)));
            } else {
                throw StataError.of(198, "invalid syntax");
            }
        } else {
            throw StataError.of(198, "invalid syntax");
        }
        List<String> body = collect(source, 2);
        for (String item : items) {
            session.poll();
            frame.set(name, item);
            interp.runBody(body, frame);
        }
        return true;
    }

    private boolean runWhile(String rest, Frame frame, ScriptSource source) {
        String condition = requireEndsWithBrace(rest);
        List<String> body = collect(source, 2);
        while (true) {
            session.poll();
            Value v = interp.evaluate(expand(condition, frame));
            if (v.isString()) {
                throw StataError.of(109, "type mismatch");
            }
            if (v.asNumber() == 0) {
                return true;
            }
            interp.runBody(body, frame);
        }
    }

    // ---- if / else --------------------------------------------------------------------------------------------

    private boolean runIf(String rest, Frame frame, ScriptSource source) {
        String expanded = expand(rest, frame);
        if (expanded.endsWith("{")) {
            boolean truth = truth(expanded.substring(0, expanded.length() - 1));
            List<String> body = collect(source, 2);
            frame.lastIf = truth;
            if (truth) {
                interp.runBody(body, frame);
            }
            return true;
        }
        // one-line form: if exp command
        int split = IfSplitter.commandStart(expanded, interp.names());
        boolean truth = truth(expanded.substring(0, split));
        frame.lastIf = truth;
        String command = expanded.substring(split).strip();
        if (command.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        if (truth) {
            interp.execute(command.replace("`", "\\`").replace("$", "\\$"), frame, source);
        }
        return true;
    }

    private boolean runElse(String rest, Frame frame, ScriptSource source) {
        Boolean last = frame.lastIf;
        if (last == null) {
            throw StataError.of(198, "invalid syntax");
        }
        String r = rest.strip();
        if (last) {
            // skip the else branch, reading its block if it has one
            if (r.endsWith("{")) {
                collect(source, 2);
            }
            return true;
        }
        if (r.startsWith("if ") || r.startsWith("if(")) {
            return runIf(r.substring(2).strip(), frame, source);
        }
        if (r.equals("{")) {
            frame.lastIf = null;
            interp.runBody(collect(source, 2), frame);
            return true;
        }
        frame.lastIf = null;
        return interp.execute(r, frame, source);
    }

    private boolean truth(String expression) {
        Value v = interp.evaluate(expression.strip());
        if (v.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        return v.asNumber() != 0;
    }

    // ---- program define ---------------------------------------------------------------------------------------

    private boolean defineProgram(String rest, Frame frame, ScriptSource source) {
        String header = expand(rest, frame);
        String afterDefine = header;
        String first = Interpreter.firstWord(header);
        if (CommandTable.abbreviates(first, "DEFine") && !first.isEmpty()) {
            afterDefine = header.substring(first.length()).strip();
        }
        Syntax syn = Syntax.parse(afterDefine, "RCLass", "ECLass", "SCLass", "NCLass", "BYable", "PROPerties",
                "PLUGin", "SORTpreserve");
        String name = syn.main();
        if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw StataError.of(198, "invalid syntax");
        }
        if (session.programs().containsKey(name)) {
            collect(source, 1, true);
            throw StataError.of(110, "program " + name + " already defined");
        }
        Options o = syn.options();
        String cls = o.has("rclass") ? "r" : o.has("eclass") ? "e" : o.has("sclass") ? "s" : "";
        List<String> body = collect(source, 1, true);
        session.programs().put(name, new Program(name, body, cls));
        return true;
    }

    // ---- body collection --------------------------------------------------------------------------------------

    private List<String> collect(ScriptSource source, int firstNumber) {
        return collect(source, firstNumber, false);
    }

    /**
     * Reads a body up to its closing brace (or {@code end} for a program), echoing each line numbered. Text after
     * the closing brace ({@code } else {}) is pushed back to be read next.
     */
    private List<String> collect(ScriptSource source, int firstNumber, boolean program) {
        List<String> body = new ArrayList<>();
        int depth = 1;
        int number = firstNumber;
        while (true) {
            SourceLine line = source.next(String.format("%3d. ", number++));
            if (line == null) {
                throw StataError.of(612, "unexpected end of file");
            }
            String code = line.code().strip();
            if (program) {
                if (code.equals("end")) {
                    return body;
                }
                body.add(line.code());
                continue;
            }
            if (code.startsWith("}")) {
                depth--;
                if (depth == 0) {
                    String after = code.substring(1).strip();
                    if (!after.isEmpty()) {
                        source.pushBack(after);
                    }
                    return body;
                }
            }
            if (code.endsWith("{") && !code.startsWith("}")) {
                depth++;
            } else if (code.startsWith("}") && code.endsWith("{")) {
                depth++;
            }
            body.add(line.code());
        }
    }

    private String expand(String text, Frame frame) {
        return MacroExpander.expand(text, new MacroScope(session, frame, interp));
    }

    private static String requireEndsWithBrace(String header) {
        String h = header.strip();
        if (!h.endsWith("{")) {
            throw StataError.of(198, "program error:  code follows on the same line as open brace");
        }
        return h.substring(0, h.length() - 1).strip();
    }
}
