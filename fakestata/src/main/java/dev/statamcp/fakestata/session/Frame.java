package dev.statamcp.fakestata.session;

import java.util.HashMap;
import java.util.Map;

/**
 * The local macros of one level: the console, a do-file (each {@code do} gets a new one, {@code include} shares
 * its caller's) or a program call. Also remembers the outcome of the last {@code if} for a following {@code else}.
 */
public final class Frame {
    private final Map<String, String> locals = new HashMap<>();
    public Boolean lastIf;

    public String get(String name) {
        return locals.getOrDefault(name, "");
    }

    public void set(String name, String value) {
        if (value == null || value.isEmpty()) {
            locals.remove(name);
        } else {
            locals.put(name, value);
        }
    }

    public boolean has(String name) {
        return locals.containsKey(name);
    }

    public Map<String, String> all() {
        return locals;
    }
}
