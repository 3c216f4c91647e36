package dev.statamcp.fakestata.stats;

import dev.statamcp.fakestata.exec.StataError;

/**
 * Ordinary least squares by the normal equations on centred regressors, inverted by Gauss-Jordan elimination
 * (centring keeps the auto regressions accurate to far more digits than Stata prints).
 *
 * @param b coefficients, the constant last
 * @param v their variance matrix
 * @param rss residual sum of squares
 * @param tss total sum of squares about the mean
 */
public record Ols(double[] b, double[][] v, double rss, double tss, int n, int k) {

    /** @param x n rows of k-1 regressors (the constant is added) ; y the dependent variable */
    public static Ols fit(double[][] x, double[] y) {
        int n = y.length;
        int p = n == 0 ? 0 : x[0].length;
        int k = p + 1;
        if (n == 0) {
            throw StataError.of(2000, "no observations");
        }
        if (n < k) {
            throw StataError.of(2001, "insufficient observations");
        }
        double[] means = new double[p];
        double ymean = 0;
        for (int i = 0; i < n; i++) {
            ymean += y[i];
            for (int j = 0; j < p; j++) {
                means[j] += x[i][j];
            }
        }
        ymean /= n;
        for (int j = 0; j < p; j++) {
            means[j] /= n;
        }
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double dy = y[i] - ymean;
            tss += dy * dy;
            for (int a = 0; a < p; a++) {
                double da = x[i][a] - means[a];
                xty[a] += da * dy;
                for (int c = 0; c <= a; c++) {
                    xtx[a][c] += da * (x[i][c] - means[c]);
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int c = a + 1; c < p; c++) {
                xtx[a][c] = xtx[c][a];
            }
        }
        double[][] inv = invert(xtx);
        double[] slopes = new double[p];
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                slopes[a] += inv[a][c] * xty[c];
            }
        }
        double cons = ymean;
        for (int a = 0; a < p; a++) {
            cons -= slopes[a] * means[a];
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double fit = cons;
            for (int a = 0; a < p; a++) {
                fit += slopes[a] * x[i][a];
            }
            double e = y[i] - fit;
            rss += e * e;
        }
        double s2 = n > k ? rss / (n - k) : Double.NaN;
        double[][] v = new double[k][k];
        // Var(slopes) = s2 (Xc'Xc)^-1 ; Var(cons) and Cov(cons, slopes) follow from cons = ybar - means'slopes
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                v[a][c] = s2 * inv[a][c];
            }
        }
        double varCons = s2 / n;
        for (int a = 0; a < p; a++) {
            double cov = 0;
            for (int c = 0; c < p; c++) {
                cov -= v[a][c] * means[c];
            }
            v[a][p] = cov;
            v[p][a] = cov;
            varCons -= means[a] * cov;
        }
        v[p][p] = varCons;
        double[] b = new double[k];
        System.arraycopy(slopes, 0, b, 0, p);
        b[p] = cons;
        return new Ols(b, v, rss, tss, n, k);
    }

    /** Inverse of a symmetric positive definite matrix (Gauss-Jordan with partial pivoting). */
    static double[][] invert(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][2 * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(m[i], 0, a[i], 0, p);
            a[i][p + i] = 1;
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12 * Math.max(1, Math.abs(a[col][col]))) {
                throw StataError.of(498, "the regressors are collinear; the emulator does not drop collinear variables");
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double d = a[col][col];
            for (int c = 0; c < 2 * p; c++) {
                a[col][c] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int c = 0; c < 2 * p; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inv[i], 0, p);
        }
        return inv;
    }
}
