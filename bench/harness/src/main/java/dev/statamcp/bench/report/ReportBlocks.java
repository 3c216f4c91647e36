package dev.statamcp.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named blocks inside a Markdown report that different commands write ({@code RELIABILITY.md}: the fuzz report,
 * then the chaos block). A command that rewrites the file keeps the other blocks; a block is replaced in place.
 */
public final class ReportBlocks {
    private ReportBlocks() {
    }

    static String begin(String name) {
        return "<!-- " + name + ": written by its own command, kept by the others -->";
    }

    static String end(String name) {
        return "<!-- /" + name + " -->";
    }

    /** The block as it is in the file, markers included, or "" when it has none. */
    public static String read(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int from = text.indexOf(begin(name));
        int to = text.indexOf(end(name));
        return from < 0 || to < from ? "" : text.substring(from, to + end(name).length()) + "\n";
    }

    /** Writes the block into the file: in place of the old one, or at the end. */
    public static void write(Path file, String name, String content) throws IOException {
        String block = begin(name) + "\n" + content.strip() + "\n" + end(name) + "\n";
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String old = read(file, name);
        String updated = old.isEmpty() ? text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + block
                : text.replace(old, block);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
