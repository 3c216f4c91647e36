package dev.statamcp.fakestata.graph;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.Dataset;
import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.data.Varlist;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph commands: {@code scatter}, {@code line}, {@code twoway}, {@code histogram} (drawn into memory, nothing
 * printed except histogram's bin note), {@code graph dir|display|drop|export|twoway}, and {@code _gr_list}.
 */
public final class GraphCommands {
    private GraphCommands() {
    }

    public static void scatter(Call call) {
        plot(call, PlotParser.twoway("scatter " + call.args(), "scatter"));
    }

    public static void line(Call call) {
        plot(call, PlotParser.twoway("line " + call.args(), "line"));
    }

    public static void twoway(Call call) {
        plot(call, PlotParser.twoway(call.args(), "scatter"));
    }

    private static void plot(Call call, PlotParser.Parsed parsed) {
        Session s = call.session();
        Dataset d = s.data();
        List<Graph.Series> series = new ArrayList<>();
        String xTitle = "";
        String yTitle = "";
        for (PlotParser.Plot p : parsed.plots()) {
            Syntax syn = Syntax.parse(p.spec());
            List<Variable> vars = Varlist.expandKeepingRepeats(d, syn.main());
            if (vars.size() < 2) {
                throw StataError.of(102, "too few variables specified");
            }
            Variable x = vars.get(vars.size() - 1);
            RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
            for (Variable y : vars.subList(0, vars.size() - 1)) {
                if (x.isString() || y.isString()) {
                    throw StataError.of(109, "type mismatch");
                }
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < d.n(); i++) {
                    if (sel.has(i) && !Missing.is(x.num(i)) && !Missing.is(y.num(i))) {
                        pts.add(new double[]{x.num(i), y.num(i)});
                    }
                }
                if (p.type().equals("line")) {
                    pts.sort((a, b) -> Double.compare(a[0], b[0]));
                }
                series.add(new Graph.Series(p.type(), pts.stream().mapToDouble(a -> a[0]).toArray(),
                        pts.stream().mapToDouble(a -> a[1]).toArray(), 0));
                yTitle = yTitle.isEmpty() ? label(y) : yTitle;
            }
            xTitle = label(x);
        }
        Map<String, String> o = parsed.options();
        store(s, o, "twoway", xTitle, yTitle, series);
    }

    public static void histogram(Call call) {
        Session s = call.session();
        Dataset d = s.data();
        int comma = Syntax.topLevel(call.args(), ',');
        String optionText = comma >= 0 ? call.args().substring(comma + 1) : "";
        Syntax syn = Syntax.parse(comma >= 0 ? call.args().substring(0, comma) : call.args());
        Map<String, String> o = PlotParser.options(optionText);
        List<Variable> vars = Varlist.expand(d, syn.main());
        if (vars.size() != 1) {
            throw StataError.of(103, "too many variables specified");
        }
        Variable v = vars.get(0);
        if (v.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        RowSelection sel = RowSelection.of(call.interpreter(), d, syn.ifExp(), syn.inRange());
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            if (sel.has(i) && !Missing.is(v.num(i))) {
                xs.add(v.num(i));
            }
        }
        if (xs.isEmpty()) {
            throw StataError.of(2000, "no observations");
        }
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int n = xs.size();
        int bins = o.containsKey("bin") ? Integer.parseInt(o.get("bin").strip())
                : (int) Math.max(1, Math.floor(Math.min(Math.sqrt(n), 10 * Math.log10(n))));
        double start = o.containsKey("start") ? Double.parseDouble(o.get("start").strip()) : min;
        double width = o.containsKey("width") ? Double.parseDouble(o.get("width").strip())
                : (max - start) / bins == 0 ? 1 : (max - start) / bins;
        if (o.containsKey("width")) {
            bins = (int) Math.max(1, Math.ceil((max - start) / width));
        }
        double[] counts = new double[bins];
        for (double x : xs) {
            int b = (int) Math.floor((x - start) / width);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        String scale = o.containsKey("frequency") || o.containsKey("freq") ? "Frequency"
                : o.containsKey("percent") ? "Percent" : o.containsKey("fraction") ? "Fraction" : "Density";
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = start + b * width;
            counts[b] = switch (scale) {
                case "Frequency" -> counts[b];
                case "Percent" -> 100 * counts[b] / n;
                case "Fraction" -> counts[b] / n;
                default -> counts[b] / (n * width);
            };
        }
        call.out().txt("(bin=" + bins + ", start=" + NumberFormat.general(start, 9, false) + ", width="
                + NumberFormat.general(width, 9, false) + ")");
        store(s, o, "histogram", label(v), scale, List.of(new Graph.Series("bar", x, counts, width)));
    }

    private static void store(Session s, Map<String, String> o, String kind, String xTitle, String yTitle,
                              List<Graph.Series> series) {
        String name = "Graph";
        boolean replace = true;
        if (o.containsKey("name")) {
            String[] parts = o.get("name").split(",", 2);
            name = parts[0].strip();
            replace = parts.length > 1 && parts[1].strip().startsWith("replace");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
                throw StataError.of(198, name + " invalid name");
            }
        }
        if (!replace && s.graphs().get(name) != null) {
            throw StataError.of(110, "graph " + name + " already exists");
        }
        String xt = o.containsKey("xtitle") ? PlotParser.titleText(o.get("xtitle")) : xTitle;
        String yt = o.containsKey("ytitle") ? PlotParser.titleText(o.get("ytitle")) : yTitle;
        s.graphs().put(new Graph(name, kind, PlotParser.titleText(o.get("title")), xt, yt, series));
    }

    private static String label(Variable v) {
        return v.label().isEmpty() ? v.name() : v.label();
    }

    /** {@code graph twoway|dir|display|drop|export|describe ...}. */
    public static void graph(Call call) {
        String text = call.args().strip();
        String sub = text.split("[\\s,]+", 2)[0];
        String rest = text.substring(sub.length()).strip();
        Session s = call.session();
        if (CommandTable.abbreviates(sub, "TWoway")) {
            plot(call, PlotParser.twoway(rest, "scatter"));
        } else if (sub.equals("dir")) {
            List<String> names = s.graphs().names();
            s.r().clear();
            s.r().macros().put("list", String.join(" ", names));
            if (!names.isEmpty() && !rest.contains("memory") || !names.isEmpty()) {
                call.out().txt("  " + String.join("  ", names));
            }
        } else if (CommandTable.abbreviates(sub, "DISplay")) {
            String name = rest.replaceAll(",.*$", "").strip();
            if (name.isEmpty()) {
                name = s.graphs().current() == null ? "Graph" : s.graphs().current().name();
            }
            if (s.graphs().get(name) == null) {
                throw StataError.of(111, "graph " + name + " not found");
            }
            s.graphs().setCurrent(name);
        } else if (sub.equals("drop")) {
            for (String name : rest.split("\\s+")) {
                if (name.equals("_all")) {
                    s.graphs().dropAll();
                } else if (s.graphs().get(name) == null) {
                    throw StataError.of(111, "graph " + name + " not found");
                } else {
                    s.graphs().drop(name);
                }
            }
        } else if (CommandTable.abbreviates(sub, "EXPort")) {
            GraphExport.run(call, rest);
        } else if (sub.equals("close") || sub.equals("set") || sub.equals("query")) {
            return;
        } else if (sub.equals("scatter") || sub.equals("line") || sub.equals("sc")) {
            plot(call, PlotParser.twoway(text, "scatter"));
        } else if (CommandTable.abbreviates(sub, "HISTogram")) {
            histogram(new Call(s, call.interpreter(), call.frame(), sub, rest));
        } else {
            throw StataError.of(198, "invalid syntax");
        }
    }

    /** {@code _gr_list on|off|list}: records the graphs drawn while on; {@code list} sets r(_grlist). */
    public static void grList(Call call) {
        Session s = call.session();
        switch (call.args().strip()) {
            case "on" -> s.graphs().setListing(true);
            case "off" -> s.graphs().setListing(false);
            case "list" -> {
                s.r().clear();
                s.r().macros().put("_grlist", String.join(" ", s.graphs().drawn()));
            }
            default -> throw StataError.of(198, "invalid syntax");
        }
    }
}
