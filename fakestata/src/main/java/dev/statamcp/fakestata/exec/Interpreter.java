package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;
import dev.statamcp.fakestata.lang.ExprParser;
import dev.statamcp.fakestata.lang.MacroExpander;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.script.BodySource;
import dev.statamcp.fakestata.script.ScriptSource;
import dev.statamcp.fakestata.script.SourceLine;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Program;
import dev.statamcp.fakestata.session.Session;
import java.util.List;

/**
 * Runs commands: prefixes ({@code capture}, {@code quietly}, {@code noisily}), blocks (loops, {@code if},
 * {@code program}), macro expansion and dispatch to the command table or a user program.
 */
public final class Interpreter {
    private final Session session;
    private final CommandTable table;
    private final Blocks blocks;
    private final SessionNames names;
    private String splitLine;
    private String splitWord;
    private String splitArgs;

    public Interpreter(Session session, CommandTable table) {
        this.session = session;
        this.table = table;
        this.names = new SessionNames(session);
        this.blocks = new Blocks(this, session);
    }

    public Session session() {
        return session;
    }

    public SessionNames names() {
        return names;
    }

    /**
     * Runs one command line read from {@code source} (which supplies the lines of a block it opens).
     *
     * @return whether a command ran; script levels print a blank line after one
     */
    public boolean execute(String code, Frame frame, ScriptSource source) {
        String text = code.strip();
        if (text.isEmpty()) {
            return false;
        }
        Prefix prefix = Prefix.of(text);
        if (prefix != null) {
            return runPrefixed(prefix, frame, source);
        }
        String word = wordOf(text);
        if (word.startsWith("#d") && "#delimit".startsWith(word)) {
            return delimit(text.substring(word.length()).strip(), source);
        }
        if (blocks.handles(word, text)) {
            session.countCommand();
            return blocks.run(word, text, frame, source);
        }
        String expanded = MacroExpander.expand(text, new MacroScope(session, frame, this));
        if (expanded.isBlank()) {
            return false;
        }
        dispatch(expanded.strip(), frame);
        return true;
    }

    /** {@code #delimit ;|cr}: prints its note with no blank line after it. */
    private boolean delimit(String arg, ScriptSource source) {
        session.countCommand();
        String a = arg.replace(";", " ; ").strip();
        if (a.equals(";")) {
            source.setSemicolonDelimiter(true);
            session.out().txt("delimiter now ;");
        } else if (a.equals("cr") || a.isEmpty()) {
            source.setSemicolonDelimiter(false);
            session.out().txt("delimiter now cr");
        } else {
            throw StataError.of(198, "invalid syntax");
        }
        return false;
    }

    private boolean runPrefixed(Prefix prefix, Frame frame, ScriptSource source) {
        Output out = session.out();
        Output.Verbosity saved = out.verbosity();
        switch (prefix.kind()) {
            case CAPTURE -> {
                out.setCaptured();
                try {
                    runPrefixBody(prefix.rest(), frame, source);
                    session.setRc(0);
                } catch (StataError e) {
                    session.setRc(e.rc());
                } finally {
                    out.restore(saved);
                }
                return true;
            }
            case QUIETLY -> {
                out.setQuiet();
                try {
                    return runPrefixBody(prefix.rest(), frame, source);
                } finally {
                    out.restore(saved);
                }
            }
            default -> {
                out.setNoisy();
                try {
                    return runPrefixBody(prefix.rest(), frame, source);
                } catch (StataError e) {
                    if (!e.isReported() && e.text() != null) {
                        out.error(e.text());
                    }
                    e.markReported();
                    throw e;
                } finally {
                    out.restore(saved);
                }
            }
        }
    }

    private boolean runPrefixBody(String rest, Frame frame, ScriptSource source) {
        if (rest.isBlank()) {
            throw StataError.of(198, "invalid syntax");
        }
        return execute(rest, frame, source);
    }

    /** Runs an expanded command line: a user program or a built-in command. */
    public void dispatch(String text, Frame frame) {
        session.countCommand();
        String word = wordOf(text);
        String args = argsOf(text);
        if (word.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        Program program = session.programs().get(word);
        if (program != null) {
            runProgram(program, args.strip());
            return;
        }
        String command = table.lookup(word);
        if (command == null) {
            throw unrecognized(word);
        }
        table.run(command, new Call(session, this, frame, word, args, text));
    }

    public StataError unrecognized(String word) {
        if (session.version() <= 16) {
            return StataError.of(199, "unrecognized command:  " + word);
        }
        return StataError.of(199, "command " + word + " is unrecognized");
    }

    /** Runs lines of a loop or program body, without echo. Errors propagate to the caller. */
    public void runBody(List<String> lines, Frame frame) {
        BodySource body = new BodySource(lines);
        SourceLine line;
        while ((line = body.next("")) != null) {
            session.poll();
            execute(line.code(), frame, body);
        }
    }

    private void runProgram(Program program, String args) {
        Frame frame = new Frame();
        frame.set("0", args);
        String[] words = Tokens.words(args);
        for (int i = 0; i < words.length; i++) {
            frame.set(String.valueOf(i + 1), words[i]);
        }
        if (program.rclass().equals("r")) {
            session.r().clear();
        }
        try {
            runBody(program.body(), frame);
        } catch (ExitSignal exit) {
            if (exit.stata()) {
                throw exit;
            }
            if (exit.rc() != 0) {
                throw StataError.silent(exit.rc());
            }
        }
    }

    /** Compiles an expression against the session's names. */
    public Expr compile(String expression) {
        return ExprParser.compile(expression, names);
    }

    /** Evaluates an expression outside a data command (variables refer to the first observation). */
    public Value evaluate(String expression) {
        Expr e = compile(expression);
        return e.value(new EvalContext(0, session.data().n()));
    }

    /** The command word: letters, digits, underscores, and a leading # ({@code #delimit}). */
    /**
     * {@link #firstWord} of a line, remembered for the last line seen: a loop body hands over the very same line
     * objects on every iteration, and the same word object keeps its hash for the lookups that follow.
     */
    private String wordOf(String text) {
        if (text != splitLine) {
            splitLine = text;
            splitWord = firstWord(text);
            splitArgs = null;
        }
        return splitWord;
    }

    /** What follows the first word of a line (see {@link #wordOf}). */
    private String argsOf(String text) {
        String word = wordOf(text);
        if (splitArgs == null) {
            splitArgs = text.substring(word.length());
        }
        return splitArgs;
    }

    public static String firstWord(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '#') {
            i++;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') {
                i++;
            } else {
                break;
            }
        }
        if (i == 0 && n > 0 && (text.charAt(0) == '{' || text.charAt(0) == '}')) {
            return text.substring(0, 1);
        }
        return text.substring(0, i);
    }
}
