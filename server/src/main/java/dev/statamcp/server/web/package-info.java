/**
 * The web dashboard ({@code /}: plain HTML, CSS and JavaScript from {@code src/main/resources/web/}, no build step,
 * nothing loaded from elsewhere) and the browser's way in when the server has a token
 * ({@link dev.statamcp.server.web.BrowserLogin}): {@code /?token=...} once, kept in an HttpOnly SameSite=Strict
 * cookie that the token check accepts for the dashboard and {@code /api/} only. {@link dev.statamcp.server.web.WebMount}
 * mounts both beside {@code /mcp}.
 */
package dev.statamcp.server.web;
