package dev.statamcp.stata.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what the data queries wrote. */
public final class DataFiles {
    private static final Pattern TAB_ROW = Pattern.compile(
            "^\\s*(.*?)\\s*\\|\\s+(\\d[\\d,]*)\\s+([\\d.]+)\\s+([\\d.]+)\\s*$");

    private DataFiles() {
    }

    public static DatasetShape shape(Path file) throws IOException {
        long obs = 0;
        int k = 0;
        List<Variable> vars = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("shape")) {
                obs = (long) Double.parseDouble(f[1].strip());
                k = (int) Double.parseDouble(f[2].strip());
            } else if (f[0].equals("var") && f.length >= 6) {
                vars.add(new Variable(f[1], f[2], f[3], f[4], f[5]));
            }
        }
        return new DatasetShape(obs, k, vars);
    }

    public static List<VariableSummary> summaries(Path file) throws IOException {
        List<VariableSummary> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("sum") && f.length >= 7) {
                Double n = number(f[2]);
                out.add(new VariableSummary(f[1], n == null ? 0 : n.longValue(), number(f[3]), number(f[4]),
                        number(f[5]), number(f[6])));
            }
        }
        return out;
    }

    /**
     * Rows exported with {@code export delimited, nolabel}: numbers as numbers, an empty numeric cell (a missing
     * value) as null, strings as written.
     */
    public static List<Map<String, Object>> rows(Path csv, List<Variable> variables, int maxRows)
            throws IOException {
        Map<String, Variable> byName = new LinkedHashMap<>();
        variables.forEach(v -> byName.put(v.name(), v));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!Files.isRegularFile(csv)) {
            return rows;
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvReader reader = new CsvReader(in);
            List<String> header = reader.next();
            if (header == null) {
                return rows;
            }
            for (List<String> cells; rows.size() < maxRows && (cells = reader.next()) != null; ) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String name = header.get(i);
                    String cell = i < cells.size() ? cells.get(i) : "";
                    Variable v = byName.get(name);
                    row.put(name, v != null && v.isString() ? cell : number(cell));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A one-way frequency table read from {@code tabulate}'s output (the Total row left out). */
    public static List<Frequency> frequencies(List<String> output) {
        List<Frequency> out = new ArrayList<>();
        for (String line : output) {
            Matcher m = TAB_ROW.matcher(line);
            if (m.matches() && !m.group(1).equals("Total")) {
                out.add(new Frequency(m.group(1), Long.parseLong(m.group(2).replace(",", "")),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
            }
        }
        return out;
    }

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

    /** One row of a frequency table. */
    public record Frequency(String value, long count, double percent, double cumulative) {
    }
}
