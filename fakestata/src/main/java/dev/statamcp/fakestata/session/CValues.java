package dev.statamcp.fakestata.session;

import dev.statamcp.fakestata.ado.SystemDirs;
import dev.statamcp.fakestata.cli.Mode;
import dev.statamcp.fakestata.lang.Dates;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.Value;
import java.time.LocalDateTime;
import java.util.Locale;

/** The {@code c()} values: system settings and facts about the emulated installation. */
public final class CValues {
    private CValues() {
    }

    /** The value of {@code c(name)}; unknown names give missing, as in Stata. */
    public static Value get(Session s, String name) {
        Settings set = s.settings();
        LocalDateTime now = LocalDateTime.now();
        return switch (name) {
            case "stata_version" -> Value.num(s.version());
            case "version" -> Value.num(set.versionSetting);
            case "userversion" -> Value.num(set.versionSetting);
            case "edition" -> Value.str(s.edition().code());
            case "edition_real" -> Value.str(s.edition().code());
            case "MP" -> Value.num(s.edition().code().equals("MP") ? 1 : 0);
            case "SE" -> Value.num(s.edition().code().equals("SE") ? 1 : 0);
            case "processors", "processors_lic", "processors_mach", "processors_max" ->
                    Value.num(s.edition().code().equals("MP") ? Runtime.getRuntime().availableProcessors() : 1);
            case "mode" -> Value.str(s.mode() == Mode.BATCH ? "batch" : "");
            case "console" -> Value.str("console");
            case "emulator" -> Value.str("fakestata");
            case "os" -> Value.str(os());
            case "osdtl" -> Value.str(System.getProperty("os.version", ""));
            case "machine_type" -> Value.str(System.getProperty("os.arch", "") + " (64-bit)");
            case "byteorder" -> Value.str("lohi");
            case "hostname" -> Value.str(hostname());
            case "username" -> Value.str(System.getProperty("user.name", ""));
            case "pwd" -> Value.str(s.pwd().toString());
            case "tmpdir" -> Value.str(s.switches().tmpDir());
            case "dirsep" -> Value.str("/");
            case "sysdir_stata", "sysdir_base", "sysdir_site", "sysdir_plus", "sysdir_personal", "sysdir_oldplace" ->
                    Value.str(SystemDirs.shown(SystemDirs.of(s.switches()).codeword(
                            name.substring(7).toUpperCase(Locale.ROOT))));
            case "adopath" -> Value.str(s.globals().getOrDefault("S_ADO", ""));
            case "current_date" -> Value.str(Dates.currentDate(now));
            case "current_time" -> Value.str(Dates.currentTime(now));
            case "born_date" -> Value.str("1 Jan 2025");
            case "linesize" -> Value.num(set.linesize);
            case "pagesize" -> Value.num(set.pagesize);
            case "more" -> Value.str(set.more ? "on" : "off");
            case "trace" -> Value.str(set.trace ? "on" : "off");
            case "graphics" -> Value.str(set.graphics ? "on" : "off");
            case "varabbrev" -> Value.str(set.varabbrev ? "on" : "off");
            case "type" -> Value.str(set.type);
            case "level" -> Value.num(set.level);
            case "seed" -> Value.str(set.seed);
            case "rc" -> Value.num(s.rc());
            case "N" -> Value.num(s.data().n());
            case "k" -> Value.num(s.data().k());
            case "width" -> Value.num(width(s));
            case "changed" -> Value.num(s.data().changed() ? 1 : 0);
            case "filename" -> Value.str(s.data().filename());
            case "filedate" -> Value.str(s.data().timestamp());
            case "maxvar" -> Value.num(s.edition().code().equals("BE") ? 2048 : 5000);
            case "max_N_theory" -> Value.num(2147483619);
            case "maxstrvarlen" -> Value.num(2045);
            case "maxdouble" -> Value.num(8.9884656743115785e+307);
            case "mindouble" -> Value.num(-8.9884656743115785e+307);
            case "epsdouble" -> Value.num(Math.ulp(1.0));
            case "epsfloat" -> Value.num(Math.ulp(1.0f));
            case "pi" -> Value.num(Math.PI);
            case "alpha" -> Value.str("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z");
            case "Mons" -> Value.str("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
            case "Weekdays" -> Value.str("Sun Mon Tue Wed Thu Fri Sat");
            case "dyn_version", "stata_now" -> Value.num(s.version() >= 19 ? 1 : 0);
            default -> Value.num(Missing.SYSMISS);
        };
    }

    private static String os() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "MacOSX";
        }
        return os.contains("win") ? "Windows" : "Unix";
    }

    private static String hostname() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static int width(Session s) {
        int w = 0;
        for (var v : s.data().variables()) {
            String t = v.type().name();
            w += switch (t) {
                case "byte" -> 1;
                case "int" -> 2;
                case "long", "float" -> 4;
                case "double" -> 8;
                default -> v.type().strWidth() > 2045 ? 8 : v.type().strWidth();
            };
        }
        return w;
    }
}
