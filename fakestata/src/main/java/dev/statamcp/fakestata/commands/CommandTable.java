package dev.statamcp.fakestata.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command names with Stata's abbreviation rule: a word is the command when it is a prefix of the full name at least
 * as long as the shortest allowed form (registered as the name's capitals: {@code DIsplay} accepts di, dis, ...).
 */
public final class CommandTable {
    private record Entry(String full, int min, Command command) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Command> cache = new HashMap<>();

    /** Registers a command; capital letters in {@code spec} mark the shortest abbreviation. */
    public CommandTable add(String spec, Command command) {
        int min = 0;
        while (min < spec.length() && Character.isUpperCase(spec.charAt(min))) {
            min++;
        }
        String full = spec.toLowerCase(java.util.Locale.ROOT);
        entries.add(new Entry(full, min == 0 ? full.length() : min, command));
        cache.clear();
        return this;
    }

    /** The command a word names, or null. */
    public Command lookup(String word) {
        Command c = cache.get(word);
        if (c != null) {
            return c;
        }
        for (Entry e : entries) {
            if (e.full.equals(word)) {
                c = e.command;
                break;
            }
        }
        if (c == null) {
            for (Entry e : entries) {
                if (word.length() >= e.min && e.full.startsWith(word)) {
                    c = e.command;
                    break;
                }
            }
        }
        if (c != null) {
            cache.put(word, c);
        }
        return c;
    }

    /** Whether {@code word} abbreviates {@code spec} (capitals mark the shortest form). */
    public static boolean abbreviates(String word, String spec) {
        int min = 0;
        while (min < spec.length() && Character.isUpperCase(spec.charAt(min))) {
            min++;
        }
        String full = spec.toLowerCase(java.util.Locale.ROOT);
        return word.length() >= (min == 0 ? full.length() : min) && full.startsWith(word);
    }
}
