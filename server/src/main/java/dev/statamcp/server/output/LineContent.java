package dev.statamcp.server.output;

/** What a line of Stata output holds, checked for every line of a run (so without streams or allocation). */
public final class LineContent {
    private LineContent() {
    }

    /**
     * True when the line has a letter or a digit: rules and box lines ({@code ----+----}) say nothing about where a
     * run is, the last line with words does.
     */
    public static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
