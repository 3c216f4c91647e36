package dev.statamcp.stata.data;

import java.util.List;

/** What is in memory: how many observations and the variables asked about (all by default). */
public record DatasetShape(long observations, int variableCount, List<Variable> variables) {
    public DatasetShape {
        variables = List.copyOf(variables);
    }
}
