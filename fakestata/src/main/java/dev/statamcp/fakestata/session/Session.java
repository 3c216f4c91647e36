package dev.statamcp.fakestata.session;

import dev.statamcp.fakestata.cli.Edition;
import dev.statamcp.fakestata.cli.Mode;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.env.Switches;
import dev.statamcp.fakestata.files.FileHandles;
import dev.statamcp.fakestata.graph.GraphStore;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.results.Matrix;
import dev.statamcp.fakestata.results.ResultSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Everything one emulated Stata process holds: data, macros, results, settings, logs, graphs. */
public final class Session {
    private final Switches switches;
    private final Edition edition;
    private final Mode mode;
    private final Output out;
    private final BreakFlag breakFlag = new BreakFlag();
    private final Settings settings = new Settings();
    private final Dataset data = new Dataset();
    private final Map<String, String> globals = new HashMap<>();
    private final Map<String, Value> scalars = new LinkedHashMap<>();
    private final Map<String, Matrix> matrices = new LinkedHashMap<>();
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private final Map<String, ResultSet> heldResults = new HashMap<>();
    private final ResultSet r = new ResultSet('r');
    private final ResultSet e = new ResultSet('e');
    private final ResultSet s = new ResultSet('s');
    private final GraphStore graphs = new GraphStore();
    private final FileHandles files = new FileHandles();
    private SplittableRandom rng = new SplittableRandom(123456789L);
    private Path pwd;
    private int rc;
    private long commands;

    public Session(Switches switches, Edition edition, Mode mode, Output out, Path pwd) {
        this.switches = switches;
        this.edition = edition;
        this.mode = mode;
        this.out = out;
        this.pwd = pwd;
        settings.versionSetting = switches.version();
        globals.put("S_ADO", "BASE;SITE;.;PERSONAL;PLUS;OLDPLACE");
        globals.put("S_level", "95");
    }

    public Switches switches() {
        return switches;
    }

    public int version() {
        return switches.version();
    }

    public Edition edition() {
        return edition;
    }

    public Mode mode() {
        return mode;
    }

    public Output out() {
        return out;
    }

    public BreakFlag breakFlag() {
        return breakFlag;
    }

    public Settings settings() {
        return settings;
    }

    public Dataset data() {
        return data;
    }

    public Map<String, String> globals() {
        return globals;
    }

    public Map<String, Value> scalars() {
        return scalars;
    }

    public Map<String, Matrix> matrices() {
        return matrices;
    }

    public Map<String, Program> programs() {
        return programs;
    }

    public Map<String, ResultSet> heldResults() {
        return heldResults;
    }

    public ResultSet r() {
        return r;
    }

    public ResultSet e() {
        return e;
    }

    public ResultSet s() {
        return s;
    }

    public ResultSet results(char kind) {
        return kind == 'e' ? e : kind == 's' ? s : r;
    }

    public GraphStore graphs() {
        return graphs;
    }

    /** The files opened with {@code file open}. */
    public FileHandles files() {
        return files;
    }

    public SplittableRandom rng() {
        return rng;
    }

    public void seed(long seed) {
        rng = new SplittableRandom(seed);
    }

    public Path pwd() {
        return pwd;
    }

    public void setPwd(Path pwd) {
        this.pwd = pwd;
    }

    /** Resolves a file name against the working directory ({@code cd} changes it, not the JVM's). */
    public Path resolve(String file) {
        String f = file;
        if (f.startsWith("~/")) {
            f = System.getProperty("user.home") + f.substring(1);
        }
        return pwd.resolve(f).normalize();
    }

    /** {@code _rc} and {@code c(rc)}. */
    public int rc() {
        return rc;
    }

    public void setRc(int rc) {
        this.rc = rc;
    }

    /** A poll point: a pending Break is thrown here, and logs flush what a flood left pending. */
    public void poll() {
        breakFlag.check();
        out.poll();
    }

    /**
     * Counts a command about to run, for {@code FAKESTATA_CRASH_AFTER=N}: when N commands have run, the next one
     * kills the process at once (exit status 134, stdout buffer lost) as a crashing Stata would. Log files keep
     * what the N commands wrote.
     */
    public void countCommand() {
        commands++;
        long limit = switches.crashAfter();
        if (limit > 0 && commands > limit) {
            out.flushLogs();
            Runtime.getRuntime().halt(134);
        }
    }
}
