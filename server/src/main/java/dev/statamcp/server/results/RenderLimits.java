package dev.statamcp.server.results;

/**
 * Limits on what one result carries.
 *
 * @param maxOutputChars default limit on the output text (head and tail kept beyond it)
 * @param maxImages      graphs returned as images; more become resource links
 * @param maxImageBytes  total bytes of images in one result
 * @param logTailLines   lines of the log's end given with an error
 */
public record RenderLimits(int maxOutputChars, int maxImages, long maxImageBytes, int logTailLines) {
    public static RenderLimits defaults() {
        return new RenderLimits(40_000, 4, 4L * 1024 * 1024, 20);
    }
}
