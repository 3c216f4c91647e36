package dev.statamcp.stata.results;

import java.util.List;
import java.util.Map;

/**
 * One class of stored results as Stata holds them now: scalars at full precision (missing = null), macros,
 * matrices with their names, and function names (e.g. {@code sample} for {@code e(sample)}).
 */
public record StoredResults(ResultKind kind, Map<String, Double> scalars, Map<String, String> macros,
                            List<StoredMatrix> matrices, List<String> functions) {
    public StoredResults {
        scalars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scalars));
        macros = Map.copyOf(macros).isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(macros));
        matrices = List.copyOf(matrices);
        functions = List.copyOf(functions);
    }

    public boolean isEmpty() {
        return scalars.isEmpty() && macros.isEmpty() && matrices.isEmpty() && functions.isEmpty();
    }
}
