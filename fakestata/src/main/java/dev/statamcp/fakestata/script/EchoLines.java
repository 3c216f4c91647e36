package dev.statamcp.fakestata.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a command echo the way Stata does: the prompt and the first physical line, then each further physical
 * line after "> ", every line cut at the line width (linesize - 1 characters) with the rest continued after "> ".
 */
public final class EchoLines {
    private EchoLines() {
    }

    public static List<String> layout(String prompt, List<String> physical, int linesize) {
        int width = Math.max(20, linesize - 1);
        List<String> out = new ArrayList<>(physical.size());
        for (int i = 0; i < physical.size(); i++) {
            String line = (i == 0 ? prompt : "> ") + physical.get(i);
            while (line.length() > width) {
                int cut = width;
                if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                    cut--;
                }
                out.add(line.substring(0, cut));
                line = "> " + line.substring(cut);
            }
            out.add(line);
        }
        return out;
    }
}
