/**
 * Inspecting the dataset in memory: parsers for {@code describe} and {@code list} output and readers of files the
 * session exports ({@code export delimited}) through internal queries. Commands that set {@code r()} (such as
 * {@code describe}) should run with {@code holdResults} so the user's results survive.
 */
package dev.statamcp.stata.data;
