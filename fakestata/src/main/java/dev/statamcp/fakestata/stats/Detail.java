package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.lang.Missing;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.out.Output;

/** The {@code summarize, detail} table: percentiles, smallest and largest values, moments. */
final class Detail {
    private Detail() {
    }

    static void print(Output out, Variable v, Moments m, String sdHeader) {
        String title = v.label().isEmpty() ? v.name() : v.label();
        out.newline();
        int pad = Math.max(0, (61 - title.length()) / 2);
        out.txt(" ".repeat(pad) + title);
        out.txt("-------------------------------------------------------------");
        out.txt("      Percentiles      Smallest");
        int[] ps = {1, 5, 10, 25};
        String[] right = {"", "", "Obs", "Sum of wgt."};
        String[] rightValues = {"", "", NumberFormat.commas(m.n()), NumberFormat.commas(m.n())};
        for (int i = 0; i < 4; i++) {
            String p = (ps[i] + "%");
            String line = String.format("%3s    %9s      %9s", p, g(m.percentile(ps[i])), small(m, i));
            if (!right[i].isEmpty()) {
                line += String.format("       %-11s %11s", right[i], rightValues[i]);
            }
            out.txt(line.replaceAll("\\s+$", ""));
        }
        out.newline();
        out.txt(String.format("50%%    %9s                      %-11s %11s", g(m.percentile(50)), "Mean",
                g(m.mean())));
        out.txt(String.format("                        Largest       %-11s %11s", sdHeader, g(m.sd())));
        int[] hp = {75, 90, 95, 99};
        String[] labels = {"", "Variance", "Skewness", "Kurtosis"};
        double[] values = {0, m.variance(), m.skewness(), m.kurtosis()};
        for (int i = 0; i < 4; i++) {
            String line = String.format("%3s    %9s      %9s", hp[i] + "%", g(m.percentile(hp[i])), large(m, 3 - i));
            if (!labels[i].isEmpty()) {
                line += String.format("       %-11s %11s", labels[i], g(values[i]));
            }
            out.txt(line);
        }
    }

    private static String small(Moments m, int i) {
        return i < m.n() ? g(m.sorted()[i]) : "";
    }

    private static String large(Moments m, int fromTop) {
        int idx = m.n() - 1 - fromTop;
        return idx >= 0 && m.n() > 0 ? g(m.sorted()[idx]) : "";
    }

    private static String g(double x) {
        return Missing.is(x) ? "." : NumberFormat.general(x, 8, false);
    }
}
