package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.lang.Missing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stata's example dataset {@code auto} (1978 automobile data): the real 74 rows, embedded as a resource, with the
 * storage types, display formats, variable labels and the {@code origin} value label Stata gives them.
 */
public final class AutoDataset {
    private static final String[][] VARIABLES = {
        // name, type, format, label
        {"make", "str18", "%-18s", "Make and model"},
        {"price", "int", "%8.0gc", "Price"},
        {"mpg", "int", "%8.0g", "Mileage (mpg)"},
        {"rep78", "int", "%8.0g", "Repair record 1978"},
        {"headroom", "float", "%6.1f", "Headroom (in.)"},
        {"trunk", "int", "%8.0g", "Trunk space (cu. ft.)"},
        {"weight", "int", "%8.0gc", "Weight (lbs.)"},
        {"length", "int", "%8.0g", "Length (in.)"},
        {"turn", "int", "%8.0g", "Turn circle (ft.)"},
        {"displacement", "int", "%8.0g", "Displacement (cu. in.)"},
        {"gear_ratio", "float", "%6.2f", "Gear ratio"},
        {"foreign", "byte", "%8.0g", "Car origin"},
    };

    private AutoDataset() {
    }

    /** Replaces the dataset's contents with auto; the wording of its label depends on the Stata version. */
    public static void load(Dataset data, int version) {
        List<String[]> rows = rows();
        data.clear();
        data.setN(0);
        for (String[] v : VARIABLES) {
            Variable var = data.add(v[0], StorageType.parse(v[1]));
            var.setFormat(v[2]);
            var.setLabel(version <= 16 && v[0].equals("make") ? "Make and Model" : v[3]);
        }
        data.setN(rows.size());
        List<Variable> vars = data.variables();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            for (int j = 0; j < vars.size(); j++) {
                Variable var = vars.get(j);
                String cell = j < cells.length ? cells[j] : "";
                if (var.isString()) {
                    var.set(i, cell);
                } else {
                    var.set(i, cell.isEmpty() ? Missing.SYSMISS : Double.parseDouble(cell));
                }
            }
        }
        ValueLabel origin = new ValueLabel("origin");
        origin.labels().put(0.0, "Domestic");
        origin.labels().put(1.0, "Foreign");
        data.valueLabels().put("origin", origin);
        data.require("foreign").setValueLabel("origin");
        data.setLabel(version <= 16 ? "1978 Automobile Data" : "1978 automobile data");
        data.setTimestamp(version <= 16 ? "13 Apr 2018 17:45" : "13 Apr 2022 17:45");
        data.setSortedBy(List.of("foreign"));
        data.setFilename("/usr/local/fakestata/ado/base/a/auto.dta");
        data.setChanged(false);
    }

    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = AutoDataset.class.getResourceAsStream("/dev/statamcp/fakestata/auto.csv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
