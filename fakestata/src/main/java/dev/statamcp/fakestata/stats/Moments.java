package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.data.RowSelection;
import dev.statamcp.fakestata.data.Variable;
import dev.statamcp.fakestata.lang.Missing;
import java.util.Arrays;

/** Summary statistics of one variable over the selected, non-missing observations. */
public record Moments(int n, double sum, double mean, double variance, double min, double max, double[] sorted,
                      double skewness, double kurtosis) {

    public static Moments of(Variable v, RowSelection sel) {
        int count = 0;
        double[] xs = new double[sel.size()];
        for (int i = 0; i < sel.size(); i++) {
            if (!sel.has(i) || v.isString()) {
                continue;
            }
            double x = v.num(i);
            if (!Missing.is(x)) {
                xs[count++] = x;
            }
        }
        double[] values = Arrays.copyOf(xs, count);
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        double mean = count == 0 ? Missing.SYSMISS : sum / count;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double variance = count > 1 ? m2 / (count - 1) : Missing.SYSMISS;
        double skew = Missing.SYSMISS;
        double kurt = Missing.SYSMISS;
        if (count > 1 && m2 > 0) {
            double pm2 = m2 / count;
            skew = (m3 / count) / Math.pow(pm2, 1.5);
            kurt = (m4 / count) / (pm2 * pm2);
        }
        Arrays.sort(values);
        return new Moments(count, sum, mean, variance, count == 0 ? Missing.SYSMISS : min,
                count == 0 ? Missing.SYSMISS : max, values, skew, kurt);
    }

    public double sd() {
        return Missing.is(variance) ? Missing.SYSMISS : Math.sqrt(variance);
    }

    /** Stata's default percentile: the (n p / 100)th value, averaged with the next one when that is whole. */
    public double percentile(double p) {
        if (n == 0) {
            return Missing.SYSMISS;
        }
        double np = n * p / 100.0;
        int i = (int) Math.floor(np);
        double h = np - i;
        if (i <= 0) {
            return sorted[0];
        }
        if (i >= n) {
            return sorted[n - 1];
        }
        return h > 1e-12 ? sorted[i] : (sorted[i - 1] + sorted[i]) / 2;
    }
}
