package dev.statamcp.server.output;

/**
 * Output text ready for a tool result.
 *
 * @param text         what the model reads
 * @param totalLines   lines in the full log
 * @param omittedLines lines cut from the middle to stay within the limit (0 when nothing was cut)
 * @param truncated    whether the limit was reached
 */
public record ShapedOutput(String text, long totalLines, int omittedLines, boolean truncated) {
}
