package dev.statamcp.stata.results;

import dev.statamcp.stata.paths.StataQuoting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one class of stored results from a session. A small Stata program (run as an internal query: it only
 * copies and writes, so {@code r()}, {@code e()} and {@code _rc} stay as they were) writes every scalar at full
 * precision, every macro, every matrix element by element with its row, column and equation names, and the
 * functions, one per line of a tab-separated file through Stata's {@code file write}; {@link #parse} reads it
 * back. A file rather than the console output: {@code display} wraps long lines at the line width, which would cut
 * a long macro or a long list of names apart, and parsing {@code return list} would depend on Stata's layout.
 */
public final class ResultsQuery {
    private static final String H = "_smcpfh";

    private ResultsQuery() {
    }

    /** The Stata code of the query, writing to {@code out}. */
    public static String code(ResultKind kind, Path out) {
        String k = kind.letter();
        StringBuilder b = new StringBuilder();
        b.append("capture file close ").append(H).append('\n');
        b.append("file open ").append(H).append(" using ").append(StataQuoting.quote(out))
                .append(", write replace text\n");
        if (kind != ResultKind.S) {
            b.append("foreach _smcpn in `: ").append(k).append("(scalars)' {\n");
            write(b, "\"scalar\" _tab \"`_smcpn'\" _tab %21.0g (" + k + "(`_smcpn'))");
            b.append("}\n");
        }
        b.append("foreach _smcpn in `: ").append(k).append("(macros)' {\n");
        write(b, "\"macro\" _tab \"`_smcpn'\" _tab `\"`" + k + "(`_smcpn')'\"'");
        b.append("}\n");
        if (kind != ResultKind.S) {
            b.append("foreach _smcpn in `: ").append(k).append("(matrices)' {\n");
            b.append("matrix _smcpm = ").append(k).append("(`_smcpn')\n");
            write(b, "\"matrix\" _tab \"`_smcpn'\" _tab (rowsof(_smcpm)) _tab (colsof(_smcpm))");
            for (String part : List.of("rownames", "colnames", "roweq", "coleq")) {
                b.append("foreach _smcpx in `: ").append(part).append(" _smcpm' {\n");
                write(b, "\"" + part + "\" _tab `\"`_smcpx'\"'");
                b.append("}\n");
            }
            b.append("forvalues _smcpi = 1/`=rowsof(_smcpm)' {\n");
            b.append("forvalues _smcpj = 1/`=colsof(_smcpm)' {\n");
            write(b, "\"el\" _tab %21.0g (el(_smcpm, `_smcpi', `_smcpj'))");
            b.append("}\n}\n");
            b.append("matrix drop _smcpm\n");
            b.append("}\n");
            if (kind == ResultKind.E) {
                b.append("foreach _smcpn in `: e(functions)' {\n");
                write(b, "\"function\" _tab \"`_smcpn'\"");
                b.append("}\n");
            }
        }
        b.append("file close ").append(H).append('\n');
        b.append("local _smcpn\nlocal _smcpx\nlocal _smcpi\nlocal _smcpj\n");
        return b.toString();
    }

    private static void write(StringBuilder b, String what) {
        b.append("file write ").append(H).append(' ').append(what).append(" _n\n");
    }

    /** Reads the file the query wrote. */
    public static StoredResults parse(ResultKind kind, Path file) throws IOException {
        return parse(kind, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static StoredResults parse(ResultKind kind, List<String> lines) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, String> macros = new LinkedHashMap<>();
        List<StoredMatrix> matrices = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        MatrixBuilder current = null;
        for (String line : lines) {
            String[] f = line.split("\t", 3);
            String value = f.length > 2 ? f[2] : "";
            switch (f[0]) {
                case "scalar" -> scalars.put(f[1], number(value));
                case "macro" -> macros.put(f[1], value);
                case "matrix" -> {
                    if (current != null) {
                        matrices.add(current.build());
                    }
                    String[] dims = value.split("\t");
                    current = new MatrixBuilder(f[1], (int) Double.parseDouble(dims[0].strip()),
                            (int) Double.parseDouble(dims[1].strip()));
                }
                case "rownames" -> current.rowNames.add(f[1]);
                case "colnames" -> current.colNames.add(f[1]);
                case "roweq" -> current.rowEq.add(f[1]);
                case "coleq" -> current.colEq.add(f[1]);
                case "el" -> current.values.add(number(f[1]));
                case "function" -> functions.add(f[1]);
                default -> {
                    // an empty last line
                }
            }
        }
        if (current != null) {
            matrices.add(current.build());
        }
        return new StoredResults(kind, scalars, macros, matrices, functions);
    }

    /** A number as Stata wrote it; missing values ({@code .}, {@code .a} to {@code .z}) become null. */
    static Double number(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.charAt(0) == '.' && (t.length() == 1 || Character.isLetter(t.charAt(1)))) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class MatrixBuilder {
        final String name;
        final int rows;
        final int cols;
        final List<String> rowNames = new ArrayList<>();
        final List<String> colNames = new ArrayList<>();
        final List<String> rowEq = new ArrayList<>();
        final List<String> colEq = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        MatrixBuilder(String name, int rows, int cols) {
            this.name = name;
            this.rows = rows;
            this.cols = cols;
        }

        StoredMatrix build() {
            List<List<Double>> grid = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                List<Double> row = new ArrayList<>();
                for (int j = 0; j < cols; j++) {
                    int k = i * cols + j;
                    row.add(k < values.size() ? values.get(k) : null);
                }
                grid.add(row);
            }
            // Stata names every equation "_" when a result has none; leave them out then.
            List<String> re = rowEq.stream().allMatch("_"::equals) ? List.of() : rowEq;
            List<String> ce = colEq.stream().allMatch("_"::equals) ? List.of() : colEq;
            return new StoredMatrix(name, rows, cols, rowNames, colNames, re, ce, grid);
        }
    }
}
