package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.Interpreter;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;

/**
 * One execution of a command: the session, the interpreter (for commands that run other commands), the local
 * macros in scope, the command word as typed, its arguments with macros already expanded, and the whole line
 * (the same String object each time a loop runs it, which makes it a cheap cache key).
 */
public record Call(Session session, Interpreter interpreter, Frame frame, String word, String args, String line) {

    public Call(Session session, Interpreter interpreter, Frame frame, String word, String args) {
        this(session, interpreter, frame, word, args, word + args);
    }

    public Output out() {
        return session.out();
    }

    /** Parses the arguments; {@code optionSpecs} name the allowed options, capitals marking the shortest form. */
    public Syntax syntax(String... optionSpecs) {
        return Syntax.parse(args, optionSpecs);
    }
}
