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

    /** A local, or {@code `c(x)'}, {@code `r(x)'}, {@code `e(x)'}, {@code `s(x)'}: a stored value as text. */
    @Override
    public String local(String name) {
        if (name.length() > 3 && name.charAt(1) == '(' && name.endsWith(")") && "cres".indexOf(name.charAt(0)) >= 0) {
            String key = name.substring(2, name.length() - 1);
            if (name.charAt(0) == 'c') {
                Value v = dev.statamcp.fakestata.session.CValues.get(session, key);
                return v.isString() ? v.asString() : NumberFormat.full(v.asNumber());
            }
            var rs = session.results(name.charAt(0));
            if (rs.macros().containsKey(key)) {
                return rs.macros().get(key);
            }
            Double d = rs.scalars().get(key);
            return d == null ? "" : NumberFormat.full(d);
        }
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
