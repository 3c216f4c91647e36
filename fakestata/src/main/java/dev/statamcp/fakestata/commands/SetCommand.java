package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.data.DataCommands;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.session.Session;
import dev.statamcp.fakestata.session.Settings;
import java.util.Locale;
import java.util.Set;

/** {@code set}: more, linesize (40-255), pagesize, seed, trace, graphics, varabbrev, type, level, obs, and the
 * settings the emulator accepts without effect. */
public final class SetCommand implements Command {
    private static final Set<String> ACCEPTED = Set.of("maxvar", "matsize", "rmsg", "scheme", "processors", "dp",
            "emptycells", "output", "niceness", "segmentsize", "min_memory", "max_memory", "autotabgraphs",
            "notifyuser", "update_query", "checksum", "httpproxy", "timeout1", "timeout2", "logtype", "copycolor",
            "charset", "eolchar", "maxiter", "fvlabel", "showbaselevels", "cformat", "pformat", "sformat",
            "rng", "rngstream", "sortseed", "locale_ui", "locale_functions", "tracedepth", "traceexpand", "odbcmgr",
            "java_heapmax", "python_exec", "haverdir", "printcolor", "reventries", "varkeyboard", "doublebuffer",
            "lstretch", "clevel", "showomitted", "showemptycells", "fvwrap", "fvwrapon", "coeftabresults",
            "include_bitmap", "searchdefault", "repeat", "iterlog", "dockable", "floatwindows", "pinnable");

    @Override
    public void run(Call call) {
        String[] w = call.args().strip().split("\\s+", 2);
        String what = w[0].toLowerCase(Locale.ROOT);
        String value = w.length > 1 ? w[1].replaceAll(",.*$", "").strip() : "";
        Session s = call.session();
        Settings set = s.settings();
        switch (what) {
            case "more" -> set.more = onOff(value);
            case "trace" -> set.trace = onOff(value);
            case "graphics" -> set.graphics = onOff(value);
            case "varabbrev" -> set.varabbrev = onOff(value);
            case "linesize" -> set.linesize = bounded(value, 40, 255, "linesize");
            case "pagesize" -> set.pagesize = bounded(value, 10, 10000, "pagesize");
            case "level" -> set.level = bounded(value, 10, 99, "level");
            case "type" -> {
                if (!value.equals("float") && !value.equals("double")) {
                    throw StataError.of(198, "invalid syntax");
                }
                set.type = value;
            }
            case "seed" -> seed(s, value);
            case "obs" -> DataCommands.setObs(call, value);
            case "" -> throw StataError.of(198, "invalid syntax");
            default -> {
                if (!ACCEPTED.contains(what)) {
                    throw StataError.of(198, "set " + what + " not allowed");
                }
            }
        }
    }

    private static void seed(Session s, String value) {
        if (value.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        try {
            long seed = (long) Double.parseDouble(value);
            if (seed < 0 || seed > 2147483647L) {
                throw StataError.of(198, "seed must be between 0 and 2,147,483,647");
            }
            s.settings().seed = Long.toString(seed);
            s.seed(seed);
        } catch (NumberFormatException e) {
            // a saved RNG state string: accept it and derive a seed from it
            s.settings().seed = value;
            s.seed(value.hashCode());
        }
    }

    private static boolean onOff(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("on")) {
            return true;
        }
        if (v.equals("off")) {
            return false;
        }
        throw StataError.of(198, "invalid syntax");
    }

    private static int bounded(String value, int min, int max, String name) {
        int n;
        try {
            n = (int) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
        if (n < min || n > max) {
            throw StataError.of(198, name + " must be between " + min + " and " + max);
        }
        return n;
    }
}
