/**
 * The REST + SSE API under {@code /api/}, on the same Jetty server as {@code /mcp} and behind the same Host, Origin
 * and token checks ({@link dev.statamcp.server.rest.RestApi}; every route is described in
 * {@code /api/openapi.json}, kept in {@code src/main/resources/web/openapi.json}).
 *
 * <ul>
 *   <li>New jobs go through {@link dev.statamcp.server.app.JobRequests} like the MCP tools: do-file paths are checked
 *       against the allowed folders (workspace folders and the server's working directory) and shell escapes are
 *       refused unless allowed. Cancels go through the job manager's one cancel path.</li>
 *   <li>Logs are addressed by byte offset in the job's log file ({@code rest.logs}). Ranges return whole lines and
 *       the offset to continue from; only the requested part of the file is read. The SSE stream of a job uses the
 *       same offsets as event ids, so {@code Last-Event-ID} resumes by reading the log file again from there:
 *       nothing per client is kept in memory, and a restarted server resumes a client just as well.</li>
 *   <li>Lines the console engine adds around a session run (markers, result holds, graph queries, the included
 *       file's closing lines) are not the job's output and are left out unless {@code raw=true}.</li>
 *   <li>Errors are {@code {"error", "message"}} with a fitting status; nothing is answered with a stack trace.</li>
 * </ul>
 */
package dev.statamcp.server.rest;
