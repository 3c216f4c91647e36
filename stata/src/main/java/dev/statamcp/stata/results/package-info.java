/**
 * Reading Stata's stored results from the text Stata prints: parsers for {@code return list},
 * {@code ereturn list}, {@code sreturn list} and {@code matrix list}. Run the listing as an internal query
 * ({@code SessionPool.query(session, "return list", false)}: it reads {@code r()} without changing it, and the
 * user's {@code _rc} is restored afterwards), then parse the query's output lines here.
 */
package dev.statamcp.stata.results;
