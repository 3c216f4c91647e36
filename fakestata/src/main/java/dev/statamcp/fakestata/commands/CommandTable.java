package dev.statamcp.fakestata.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command names with Stata's abbreviation rule: a word is the command when it is a prefix of the full name at least
 * as long as the shortest allowed form (registered as the name's capitals: {@code DIsplay} accepts di, dis, ...).
 * Names map to the full name, which the {@link Dispatcher} runs; no command class is loaded before it is used, which
 * keeps the emulator's start fast.
 */
public final class CommandTable {
    /** Runs the command with the given full name. */
    public interface Dispatcher {
        void run(String command, Call call);
    }

    private record Entry(String full, int min) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> cache = new HashMap<>();
    private final Dispatcher dispatcher;

    public CommandTable(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Registers a command; capital letters in {@code spec} mark the shortest abbreviation. */
    public CommandTable add(String spec) {
        int min = 0;
        while (min < spec.length() && Character.isUpperCase(spec.charAt(min))) {
            min++;
        }
        String full = spec.toLowerCase(java.util.Locale.ROOT);
        entries.add(new Entry(full, min == 0 ? full.length() : min));
        cache.clear();
        return this;
    }

    /** The full name of the command a word names, or null. */
    public String lookup(String word) {
        String c = cache.get(word);
        if (c != null) {
            return c;
        }
        for (Entry e : entries) {
            if (e.full.equals(word)) {
                c = e.full;
                break;
            }
        }
        if (c == null) {
            for (Entry e : entries) {
                if (word.length() >= e.min && e.full.startsWith(word)) {
                    c = e.full;
                    break;
                }
            }
        }
        if (c != null) {
            cache.put(word, c);
        }
        return c;
    }

    public void run(String command, Call call) {
        dispatcher.run(command, call);
    }

    /** Whether {@code word} abbreviates {@code spec} (capitals mark the shortest form). Allocation-free: hot. */
    public static boolean abbreviates(String word, String spec) {
        int n = word.length();
        if (n > spec.length()) {
            return false;
        }
        int min = 0;
        while (min < spec.length() && Character.isUpperCase(spec.charAt(min))) {
            min++;
        }
        if (n < (min == 0 ? spec.length() : min)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase(spec.charAt(i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
