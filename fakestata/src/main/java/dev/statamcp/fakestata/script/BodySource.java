package dev.statamcp.fakestata.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The stored lines of a loop or program body, read without echo (Stata does not echo them as they run). */
public final class BodySource implements ScriptSource {
    private final List<String> lines;
    private final Deque<String> pushed = new ArrayDeque<>();
    private int next;

    public BodySource(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public SourceLine next(String prompt) {
        if (!pushed.isEmpty()) {
            String code = pushed.pop();
            return new SourceLine(List.of(code), code, next);
        }
        if (next >= lines.size()) {
            return null;
        }
        String code = lines.get(next++);
        return new SourceLine(List.of(code), code, next);
    }

    @Override
    public void pushBack(String code) {
        pushed.push(code);
    }

    @Override
    public void setSemicolonDelimiter(boolean on) {
        // a stored body is already split into commands
    }

    @Override
    public boolean echoes() {
        return false;
    }
}
