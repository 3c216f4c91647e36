package dev.statamcp.stata.results;

import java.util.List;

/**
 * A stored matrix with its row and column names (and equation names, for multi-equation results).
 *
 * @param values row-major; a missing value is null
 */
public record StoredMatrix(String name, int rows, int cols, List<String> rowNames, List<String> colNames,
                           List<String> rowEquations, List<String> colEquations, List<List<Double>> values) {
    public StoredMatrix {
        rowNames = List.copyOf(rowNames);
        colNames = List.copyOf(colNames);
        rowEquations = List.copyOf(rowEquations);
        colEquations = List.copyOf(colEquations);
        values = values.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList();
    }
}
