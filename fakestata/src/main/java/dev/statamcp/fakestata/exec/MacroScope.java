package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.lang.MacroEnvironment;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.session.Frame;
import dev.statamcp.fakestata.session.Session;

/** Macro expansion against one level's locals and the session's globals. */
public final class MacroScope implements MacroEnvironment {
    private final Session session;
    private final Frame frame;
    private final Interpreter interp;

    public MacroScope(Session session, Frame frame, Interpreter interp) {
        this.session = session;
        this.frame = frame;
        this.interp = interp;
    }

    @Override
    public String local(String name) {
        return frame.get(name);
    }

    @Override
    public void setLocal(String name, String value) {
        frame.set(name, value);
    }

    @Override
    public String global(String name) {
        return session.globals().getOrDefault(name, "");
    }

    @Override
    public String evaluate(String expression) {
        Value v = interp.evaluate(expression);
        return v.isString() ? v.asString() : NumberFormat.full(v.asNumber());
    }

    @Override
    public String extended(String function) {
        return ExtendedFunctions.evaluate(function, session, frame, interp);
    }
}
