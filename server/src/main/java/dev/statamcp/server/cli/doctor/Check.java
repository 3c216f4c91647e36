package dev.statamcp.server.cli.doctor;

import java.util.List;

/**
 * One finding of {@code doctor}: what was checked, how it went, and the facts behind it.
 *
 * @param title   what was checked ("Stata", "Licence", "Data directory", ...)
 * @param level   ok, warn (works, but read this) or fail (stata-mcp cannot run Stata until it is fixed)
 * @param summary one line
 * @param details further lines (paths tried, messages), printed indented
 */
public record Check(String title, Level level, String summary, List<String> details) {
    public Check {
        details = List.copyOf(details);
    }

    public static Check ok(String title, String summary, List<String> details) {
        return new Check(title, Level.OK, summary, details);
    }

    public static Check warn(String title, String summary, List<String> details) {
        return new Check(title, Level.WARN, summary, details);
    }

    public static Check fail(String title, String summary, List<String> details) {
        return new Check(title, Level.FAIL, summary, details);
    }

    public enum Level {
        OK("[ok]  "), WARN("[warn]"), FAIL("[FAIL]");

        private final String tag;

        Level(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
