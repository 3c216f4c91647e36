package dev.statamcp.fakestata.results;

import java.util.List;

/** A Stata matrix with row and column names (e(b), e(V), or one defined with {@code matrix}). */
public record Matrix(int rows, int cols, double[] values, List<String> rowNames, List<String> colNames,
                     boolean symmetric) {

    public double get(int r, int c) {
        return values[r * cols + c];
    }

    public static Matrix of(double[][] v, List<String> rowNames, List<String> colNames, boolean symmetric) {
        int r = v.length;
        int c = r == 0 ? 0 : v[0].length;
        double[] flat = new double[r * c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(v[i], 0, flat, i * c, c);
        }
        return new Matrix(r, c, flat, List.copyOf(rowNames), List.copyOf(colNames), symmetric);
    }
}
