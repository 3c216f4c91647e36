package dev.statamcp.fakestata.console;

import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up text. It has the shape of Stata's (a few lines, then {@code Notes:}) but says plainly that this is
 * an emulator: nothing it prints is Stata's.
 */
public final class Banner {
    private Banner() {
    }

    public static List<String> lines(Session s, boolean batch) {
        List<String> l = new ArrayList<>();
        String ed = s.edition().code();
        l.add("fakestata " + s.version() + " (" + ed + ") - a Stata emulator for tests; this is not Stata.");
        l.add("It imitates the console of Stata " + s.version() + "/" + ed
                + "; every result it prints is the emulator's own.");
        l.add("");
        l.add("Notes:");
        int n = 1;
        if (batch) {
            l.add(String.format("%7d. The emulator is running in batch mode.", n++));
        }
        l.add(String.format("%7d. Unicode is supported; see help unicode_advice.", n++));
        if (ed.equals("MP")) {
            l.add(String.format("%7d. More than 2 billion observations are allowed; see help obs_advice.", n++));
        }
        if (!ed.equals("BE")) {
            l.add(String.format("%7d. Maximum number of variables is set to 5,000 but can be increased;", n));
            l.add("          see help set_maxvar.");
        }
        return l;
    }
}
