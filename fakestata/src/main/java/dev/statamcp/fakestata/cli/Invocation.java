package dev.statamcp.fakestata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed command line of the console binary: {@code stata-mp [-h] [-q] [-b|-s|-e] ["stata command"]}, also the
 * Windows forms {@code /e /b /s /q /i}. What follows the switches is joined with spaces into one Stata command, as
 * the real binary does, so {@code do "my file.do"} needs the quotes inside the argument to survive.
 *
 * @param mode console prompt loop or batch job
 * @param quiet {@code -q}: no banner
 * @param smclLog {@code -s}: the batch log is {@code <stem>.smcl}
 * @param help {@code -h}: print the usage and exit
 * @param command the Stata command assembled from the remaining arguments, empty when there is none
 */
public record Invocation(Mode mode, boolean quiet, boolean smclLog, boolean help, String command) {

    public static Invocation parse(String[] args) throws UsageException {
        Mode mode = Mode.CONSOLE;
        boolean quiet = false;
        boolean smcl = false;
        boolean help = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!isSwitch(a)) {
                break;
            }
            if (a.startsWith("-rngstream")) {
                continue;
            }
            for (char c : a.substring(1).toLowerCase(Locale.ROOT).toCharArray()) {
                switch (c) {
                    case 'q' -> quiet = true;
                    case 'b', 'e' -> mode = Mode.BATCH;
                    case 's' -> {
                        mode = Mode.BATCH;
                        smcl = true;
                    }
                    case 'h' -> help = true;
                    case 'i' -> { } // Windows: no taskbar icon; nothing to do here
                    default -> throw new UsageException("invalid option " + a);
                }
            }
        }
        List<String> rest = new ArrayList<>();
        for (; i < args.length; i++) {
            rest.add(args[i]);
        }
        String command = String.join(" ", rest).trim();
        if (mode == Mode.BATCH && command.isEmpty() && !help) {
            throw new UsageException("batch mode needs a command, e.g. do file.do");
        }
        return new Invocation(mode, quiet, smcl, help, command);
    }

    private static boolean isSwitch(String a) {
        if (a.startsWith("-rngstream")) {
            return true;
        }
        if (a.length() >= 2 && a.charAt(0) == '-') {
            for (int k = 1; k < a.length(); k++) {
                if (!Character.isLetter(a.charAt(k))) {
                    return false;
                }
            }
            return true;
        }
        // Windows-style switches, accepted on every platform: /e /b /s /q /i
        return a.length() == 2 && a.charAt(0) == '/' && "ebsqiEBSQI".indexOf(a.charAt(1)) >= 0;
    }

    /**
     * The name of the batch log without its suffix: the do-file's base name without {@code .do}, cut at the first
     * space, or {@code stata} when the command is not {@code do file}. Stata cuts at the space even when the name
     * was quoted ({@code do "foo bar.do"} writes {@code foo.log}); the cut is made on the base name, so a space
     * in a folder name does not shorten it (the engine predicts the log name the same way).
     */
    public String logStem() {
        String[] words = command.split("\\s+", 2);
        if (words.length < 2 || !(words[0].equals("do") || words[0].equals("run"))) {
            return "stata";
        }
        String file = firstToken(words[1]);
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String base = file.substring(slash + 1);
        if (base.toLowerCase(Locale.ROOT).endsWith(".do")) {
            base = base.substring(0, base.length() - 3);
        }
        int space = base.indexOf(' ');
        if (space >= 0) {
            base = base.substring(0, space);
        }
        return base.isEmpty() ? "stata" : base;
    }

    /** The first word of a Stata argument list, honouring "..." and compound quotes. */
    static String firstToken(String s) {
        s = s.trim();
        if (s.startsWith("`\"")) {
            int end = s.indexOf("\"'", 2);
            return end < 0 ? s.substring(2) : s.substring(2, end);
        }
        if (s.startsWith("\"")) {
            int end = s.indexOf('"', 1);
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
