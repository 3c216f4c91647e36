package dev.statamcp.fakestata.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The logs open in a session: at most one unnamed log plus any number of named ones, in opening order. */
public final class LogSet {
    private LogFile unnamed;
    private final Map<String, LogFile> named = new LinkedHashMap<>();
    private List<LogFile> snapshot = List.of();

    public Optional<LogFile> unnamed() {
        return Optional.ofNullable(unnamed);
    }

    public Optional<LogFile> named(String name) {
        return Optional.ofNullable(named.get(name));
    }

    public void add(LogFile log) {
        if (log.name() == null) {
            unnamed = log;
        } else {
            named.put(log.name(), log);
        }
        refresh();
    }

    public void remove(LogFile log) {
        if (log == unnamed) {
            unnamed = null;
        } else {
            named.remove(log.name());
        }
        refresh();
    }

    /** All open logs (unnamed first); an unmodifiable snapshot, cheap to iterate on every line of output. */
    public List<LogFile> all() {
        return snapshot;
    }

    public boolean isEmpty() {
        return snapshot.isEmpty();
    }

    public void flushAll() {
        for (LogFile log : snapshot) {
            log.flush();
        }
    }

    private void refresh() {
        List<LogFile> list = new ArrayList<>();
        if (unnamed != null) {
            list.add(unnamed);
        }
        list.addAll(named.values());
        snapshot = List.copyOf(list);
    }
}
