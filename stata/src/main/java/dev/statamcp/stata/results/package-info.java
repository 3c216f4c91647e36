/**
 * Reading Stata's stored results ({@code r()}, {@code e()}, {@code s()}) from a session: {@link
 * dev.statamcp.stata.results.ResultsQuery} is the Stata code of an internal query that writes them to a file, and
 * its parser.
 */
package dev.statamcp.stata.results;
