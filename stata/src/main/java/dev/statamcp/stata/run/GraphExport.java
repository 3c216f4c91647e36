package dev.statamcp.stata.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Graphs a run draws are exported as PNG files into {@code dir}, in the same turn of the session as the run, so a
 * later run cannot change them first. A graph named {@code g} becomes {@code dir/g.png}; a graph Stata cannot
 * export (r(5100) and the like) is simply missing.
 *
 * @param width width in pixels (Stata keeps the aspect ratio)
 */
public record GraphExport(Path dir, int width) {
    public GraphExport {
        Objects.requireNonNull(dir, "dir");
        if (width < 10) {
            throw new IllegalArgumentException("graph width must be at least 10 pixels, not " + width);
        }
    }

    /** The file a graph is exported to. Graph names are Stata names, so they are safe file names. */
    public static String fileName(String graph) {
        return graph + ".png";
    }
}
