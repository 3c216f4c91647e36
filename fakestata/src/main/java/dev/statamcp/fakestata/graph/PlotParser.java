package dev.statamcp.fakestata.graph;

import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a twoway command into its plots and its graph options: {@code (scatter y x) (line y x, sort)},
 * {@code scatter y x || line y x}, or a single {@code scatter y x [if] [in] [, options]}. Graph options are many;
 * those the emulator draws (name, title, xtitle, ytitle) are read, the rest are accepted and ignored.
 */
final class PlotParser {
    /** One plot: its type and the text of its varlist and qualifiers. */
    record Plot(String type, String spec) {
    }

    record Parsed(List<Plot> plots, Map<String, String> options) {
    }

    private PlotParser() {
    }

    static Parsed twoway(String text, String defaultType) {
        List<Plot> plots = new ArrayList<>();
        String rest = text.strip();
        Map<String, String> options = new LinkedHashMap<>();
        if (rest.startsWith("(")) {
            while (rest.startsWith("(")) {
                int close = matching(rest, 0);
                plots.add(plot(rest.substring(1, close).strip(), defaultType, options));
                rest = rest.substring(close + 1).strip();
            }
            if (rest.startsWith(",")) {
                options.putAll(options(rest.substring(1)));
            } else if (!rest.isEmpty()) {
                throw StataError.of(198, "invalid syntax");
            }
        } else {
            for (String part : rest.split("\\|\\|")) {
                if (!part.isBlank()) {
                    plots.add(plot(part.strip(), defaultType, options));
                }
            }
        }
        if (plots.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        return new Parsed(plots, options);
    }

    private static Plot plot(String text, String defaultType, Map<String, String> graphOptions) {
        String first = text.split("\\s+", 2)[0];
        String type = switch (first) {
            case "scatter", "sc" -> "scatter";
            case "line" -> "line";
            case "connected", "conn" -> "line";
            case "lfit", "qfit", "area", "bar", "spike", "rarea", "rcap" -> "line";
            default -> null;
        };
        String spec = type == null ? text : text.substring(first.length()).strip();
        int comma = Syntax.topLevel(spec, ',');
        if (comma >= 0) {
            graphOptions.putAll(options(spec.substring(comma + 1)));
            spec = spec.substring(0, comma).strip();
        }
        return new Plot(type == null ? defaultType : type, spec);
    }

    /** Options as name -> argument, without validation (graph options are too many to list). */
    static Map<String, String> options(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(') {
                i++;
            }
            String name = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
            String arg = "";
            if (i < text.length() && text.charAt(i) == '(') {
                int close = matching(text, i);
                arg = text.substring(i + 1, close).strip();
                i = close + 1;
            }
            if (!name.isEmpty()) {
                out.put(canonical(name), arg);
            }
        }
        return out;
    }

    private static String canonical(String name) {
        if (name.startsWith("ti")) {
            return "title";
        }
        if (name.startsWith("xti")) {
            return "xtitle";
        }
        if (name.startsWith("yti")) {
            return "ytitle";
        }
        return name;
    }

    /** The first argument of a title option, without quotes: {@code title("A b", size(small))} gives A b. */
    static String titleText(String arg) {
        if (arg == null || arg.isEmpty()) {
            return "";
        }
        int comma = Syntax.topLevel(arg, ',');
        String t = comma >= 0 ? arg.substring(0, comma) : arg;
        return Quotes.strip(t.strip());
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (Quotes.opensQuote(s, i)) {
                int end = Quotes.skip(s, i);
                if (end < 0) {
                    break;
                }
                i = end - 1;
                continue;
            }
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw StataError.of(132, "too many '(' or '['");
    }
}
