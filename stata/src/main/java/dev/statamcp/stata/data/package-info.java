/**
 * Inspecting the dataset in memory: the Stata code of the data queries ({@link dev.statamcp.stata.data.DataQuery})
 * and readers of the files they write ({@link dev.statamcp.stata.data.DataFiles}). The queries change {@code r()}
 * and run with {@code holdResults} so the user's results survive.
 */
package dev.statamcp.stata.data;
