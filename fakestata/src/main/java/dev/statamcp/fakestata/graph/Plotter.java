package dev.statamcp.fakestata.graph;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and draws a graph on any canvas: background, plot region with grid lines, axes with "nice" ticks,
 * the series (markers, lines or bars, in the colours of Stata's s2color scheme) and the titles.
 */
public final class Plotter {
    static final Color OUTER = new Color(234, 242, 243);
    static final Color GRID = new Color(234, 242, 243);
    static final Color AXIS = new Color(0, 0, 0);
    static final Color[] SERIES = {new Color(26, 71, 111), new Color(144, 53, 59), new Color(85, 117, 47),
        new Color(227, 126, 0), new Color(110, 142, 132)};

    private Plotter() {
    }

    public static void draw(Graph g, Canvas c, double width, double height) {
        double unit = Math.min(width, height) / 100.0;
        double font = Math.max(6, 3.2 * unit);
        c.fillRect(0, 0, width, height, OUTER);
        double left = 14 * unit;
        double right = width - 4 * unit;
        double top = (g.title().isEmpty() ? 5 : 12) * unit;
        double bottom = height - 13 * unit;
        c.fillRect(left, top, right - left, bottom - top, Color.WHITE);
        double[] xr = range(g, true);
        double[] yr = range(g, false);
        List<Double> xt = ticks(xr[0], xr[1]);
        List<Double> yt = ticks(yr[0], yr[1]);
        double x0 = Math.min(xr[0], xt.get(0));
        double x1 = Math.max(xr[1], xt.get(xt.size() - 1));
        double y0 = Math.min(yr[0], yt.get(0));
        double y1 = Math.max(yr[1], yt.get(yt.size() - 1));
        Scale sx = new Scale(x0, x1, left + 2 * unit, right - 2 * unit);
        Scale sy = new Scale(y0, y1, bottom - 2 * unit, top + 2 * unit);
        for (double t : yt) {
            double py = sy.map(t);
            c.line(left, py, right, py, GRID, Math.max(1, unit * 0.3));
            c.text(left - 1.5 * unit, py + font / 3, label(t), font, Canvas.Anchor.END, false, AXIS);
        }
        for (double t : xt) {
            double px = sx.map(t);
            c.line(px, bottom, px, bottom + unit, AXIS, Math.max(1, unit * 0.2));
            c.text(px, bottom + unit + font, label(t), font, Canvas.Anchor.MIDDLE, false, AXIS);
        }
        c.line(left, bottom, right, bottom, AXIS, Math.max(1, unit * 0.25));
        c.line(left, top, left, bottom, AXIS, Math.max(1, unit * 0.25));
        int i = 0;
        for (Graph.Series s : g.series()) {
            Color color = SERIES[i++ % SERIES.length];
            switch (s.kind()) {
                case "bar" -> {
                    for (int k = 0; k < s.x().length; k++) {
                        double xa = sx.map(s.x()[k]);
                        double xb = sx.map(s.x()[k] + s.barWidth());
                        double ya = sy.map(s.y()[k]);
                        double yb = sy.map(Math.max(y0, 0));
                        c.fillRect(Math.min(xa, xb), Math.min(ya, yb), Math.abs(xb - xa), Math.abs(yb - ya),
                                color);
                        c.line(xa, ya, xb, ya, Color.BLACK, Math.max(1, unit * 0.15));
                    }
                }
                case "line" -> {
                    for (int k = 1; k < s.x().length; k++) {
                        c.line(sx.map(s.x()[k - 1]), sy.map(s.y()[k - 1]), sx.map(s.x()[k]), sy.map(s.y()[k]),
                                color, Math.max(1, unit * 0.4));
                    }
                }
                default -> {
                    for (int k = 0; k < s.x().length; k++) {
                        c.circle(sx.map(s.x()[k]), sy.map(s.y()[k]), Math.max(1.5, unit * 0.9), color);
                    }
                }
            }
        }
        if (!g.title().isEmpty()) {
            c.text(width / 2, 7.5 * unit, g.title(), font * 1.5, Canvas.Anchor.MIDDLE, false, AXIS);
        }
        c.text((left + right) / 2, height - 3 * unit, g.xTitle(), font * 1.1, Canvas.Anchor.MIDDLE, false, AXIS);
        c.text(4.5 * unit, (top + bottom) / 2, g.yTitle(), font * 1.1, Canvas.Anchor.MIDDLE, true, AXIS);
    }

    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double map(double v) {
            double span = to - from;
            return pixelFrom + (span == 0 ? 0.5 : (v - from) / span) * (pixelTo - pixelFrom);
        }
    }

    private static double[] range(Graph g, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Graph.Series s : g.series()) {
            double[] v = x ? s.x() : s.y();
            for (int k = 0; k < v.length; k++) {
                lo = Math.min(lo, v[k]);
                hi = Math.max(hi, x && s.kind().equals("bar") ? v[k] + s.barWidth() : v[k]);
            }
            if (!x && s.kind().equals("bar")) {
                lo = Math.min(lo, 0);
            }
        }
        if (lo > hi) {
            return new double[]{0, 1};
        }
        if (lo == hi) {
            return new double[]{lo - 1, hi + 1};
        }
        return new double[]{lo, hi};
    }

    /** About five round tick values (1, 2 or 5 times a power of ten apart) covering [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 5, 10}) {
            if (raw <= m * mag) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        double start = Math.floor(lo / step) * step;
        for (double t = start; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        if (out.isEmpty()) {
            out.add(lo);
        }
        return out;
    }

    private static String label(double v) {
        return dev.statamcp.fakestata.lang.NumberFormat.general(v, 8, false);
    }
}
