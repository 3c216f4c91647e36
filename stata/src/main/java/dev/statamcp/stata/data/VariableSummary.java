package dev.statamcp.stata.data;

/** {@code summarize} of one variable; statistics are null when Stata gives missing (e.g. no observations). */
public record VariableSummary(String name, long n, Double mean, Double sd, Double min, Double max) {
}
