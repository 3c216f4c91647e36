package dev.statamcp.bench.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one fuzz run found, message by message, and whether the server still worked at the end. */
public final class FuzzResult {
    private static final int KEPT_PER_KIND = 20;

    private final String transport;
    private final String target;
    private final FuzzConfig config;
    private final Map<FuzzCategory, int[]> perCategory = new EnumMap<>(FuzzCategory.class);
    private final Map<String, Integer> perKind = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final java.util.Set<Integer> withFindings = new java.util.HashSet<>();
    private int sent;
    private long bytesSent;
    private String fatal;
    private String finalCheck = "not run";
    private boolean finalCheckPassed;
    private long durationMillis;
    private int lateAnswers;
    private final List<String> notes = new ArrayList<>();

    public FuzzResult(String transport, String target, FuzzConfig config) {
        this.transport = transport;
        this.target = target;
        this.config = config;
        for (FuzzCategory category : FuzzCategory.values()) {
            perCategory.put(category, new int[2]);
        }
    }

    /** Counts a message and keeps the first findings of each kind, with the message's bytes saved to a file. */
    public void record(FuzzMessage message, List<Problem> problems) {
        sent++;
        bytesSent += message.bytes().length;
        perCategory.get(message.category())[0]++;
        for (Problem problem : problems) {
            add(message, problem);
        }
    }

    /** A finding about a message recorded earlier (an answer that never came, known only after waiting). */
    public void add(FuzzMessage message, Problem problem) {
        if (withFindings.add(message.index())) {
            perCategory.get(message.category())[1]++;
        }
        String key = problem.severity() + " " + problem.kind();
        int seen = perKind.merge(key, 1, Integer::sum);
        if (seen <= KEPT_PER_KIND) {
            findings.add(new Finding(message.index(), message.category(), message.bytes(), problem,
                    save(message, seen)));
        }
        if (problem.severity() == Problem.Severity.FATAL && fatal == null) {
            fatal = problem.kind() + ": " + problem.detail();
        }
    }

    private Path save(FuzzMessage message, int seen) {
        if (config.failureDir() == null || seen > 3) {
            return null;
        }
        try {
            Files.createDirectories(config.failureDir());
            Path file = config.failureDir().resolve(transport.replace(' ', '-') + "-" + config.seed() + "-"
                    + message.index() + ".bin");
            Files.write(file, message.bytes());
            return file;
        } catch (IOException e) {
            return null;
        }
    }

    public void finalCheck(boolean passed, String detail) {
        this.finalCheckPassed = passed;
        this.finalCheck = detail;
    }

    /** Answers that arrived after their message's wait: counted, and the MISSING_ANSWER they cleared noted. */
    public void late(int count) {
        lateAnswers += count;
    }

    /** Something the reader should know about how the run went that is not a finding. */
    public void note(String text) {
        notes.add(text);
    }

    public List<String> notes() {
        return notes;
    }

    public int lateAnswers() {
        return lateAnswers;
    }

    public void duration(long millis) {
        this.durationMillis = millis;
    }

    public boolean hasFatal() {
        return fatal != null;
    }

    /** Count of problems of a severity. */
    public int count(Problem.Severity severity) {
        return perKind.entrySet().stream().filter(e -> e.getKey().startsWith(severity.name() + " "))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** The server survived, answered every request with an id properly, and still worked at the end. */
    public boolean passed(boolean strict) {
        return count(Problem.Severity.FATAL) == 0 && count(Problem.Severity.BROKEN) == 0
                && (!strict || count(Problem.Severity.SPEC) == 0) && finalCheckPassed;
    }

    public String summary() {
        return String.format("%s fuzz of %s: %,d messages (%,d bytes) in %.1f s, seed %d: %d fatal, %d broken, "
                        + "%d spec; %d late answers; final check %s%s",
                transport, target, sent, bytesSent, durationMillis / 1000.0, config.seed(),
                count(Problem.Severity.FATAL), count(Problem.Severity.BROKEN), count(Problem.Severity.SPEC),
                lateAnswers, finalCheckPassed ? "passed" : "FAILED: " + finalCheck,
                fatal == null ? "" : "; first fatal: " + fatal)
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }

    /** Every finding kept, described exactly, for a test failure message or the report. */
    public String describeFindings() {
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings) {
            out.append(finding.describe(config.seed())).append('\n');
        }
        return out.toString();
    }

    public String transport() {
        return transport;
    }

    public String target() {
        return target;
    }

    public FuzzConfig config() {
        return config;
    }

    public int sent() {
        return sent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public Map<FuzzCategory, int[]> perCategory() {
        return perCategory;
    }

    public Map<String, Integer> perKind() {
        return perKind;
    }

    public List<Finding> findings() {
        return findings;
    }

    public String finalCheck() {
        return finalCheck;
    }

    public boolean finalCheckPassed() {
        return finalCheckPassed;
    }

    public long durationMillis() {
        return durationMillis;
    }
}
