package dev.statamcp.bench.soak;

/** The least-squares straight line through a series: how fast a measure grows. */
final class Trend {
    private Trend() {
    }

    /** The slope of the least-squares line of {@code y} over {@code x}; 0 with fewer than two distinct x. */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            return 0;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
