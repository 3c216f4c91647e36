package dev.statamcp.fakestata.graph;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.data.FileNotes;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.session.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code graph export file [, name() replace width() height() as()]}: draws the graph for real (Java2D for PNG,
 * hand-written SVG, PDF and EPS) at the requested size, and prints Stata's note for the version emulated.
 */
final class GraphExport {
    /** Stata's default graph is 5.5 x 4 inches; bitmaps default to 300 pixels per inch. */
    private static final int DEFAULT_WIDTH = 1650;
    private static final int DEFAULT_HEIGHT = 1200;

    private GraphExport() {
    }

    static void run(Call call, String args) {
        Syntax syn = Syntax.parse(args, "Name", "replace", "Width", "Height", "as", "MAGnify", "FONTface",
                "CMYK", "LOGO", "ORientation", "PAPERsize", "Tif", "Preview", "Quality", "PXsize");
        Session s = call.session();
        String file = Quotes.strip(syn.main());
        if (file.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        String format = syn.options().has("as") ? syn.options().unquoted("as").toLowerCase(Locale.ROOT) : suffix(file);
        if (!format.matches("png|svg|pdf|eps|ps")) {
            throw StataError.of(198, "output-file suffix \"" + format + "\" not recognized\n"
                    + "    specify correct suffix or specify as() option");
        }
        String name = syn.options().has("name") ? syn.options().unquoted("name") : null;
        Graph g = name == null ? s.graphs().current() : s.graphs().get(name);
        if (g == null) {
            throw StataError.of(111, "graph " + (name == null ? "Graph" : name) + " not found");
        }
        if (file.indexOf('.', Math.max(0, file.lastIndexOf('/'))) < 0) {
            file = file + "." + format;
        }
        Path path = s.resolve(file);
        boolean exists = Files.exists(path);
        if (exists && !syn.options().has("replace")) {
            throw StataError.of(602, "file " + file + " already exists");
        }
        if (!exists && syn.options().has("replace")) {
            FileNotes.notFound(s, file);
        }
        int w = syn.options().integer("width", 0);
        int h = syn.options().integer("height", 0);
        if (w < 0 || h < 0 || w > 16000 || h > 16000) {
            throw StataError.of(198, "width() and height() must be between 1 and 16000");
        }
        int[] size = size(format, w, h);
        if (format.equals("png") && s.switches().pngFail()) {
            throw StataError.of(5100, "could not create PNG file " + file);
        }
        try {
            write(g, path, format, size[0], size[1]);
        } catch (IOException e) {
            throw StataError.of(603, "file " + file + " could not be opened");
        }
        String upper = format.equals("ps") ? "PS" : format.toUpperCase(Locale.ROOT);
        if (s.version() >= 17) {
            call.out().txt("file " + file + " saved as " + upper + " format");
        } else {
            call.out().txt("(file " + file + " written in " + upper + " format)");
        }
    }

    /** Requested size; one of width/height alone keeps the 5.5:4 aspect. Vector formats default to points. */
    static int[] size(String format, int w, int h) {
        int dw = format.equals("png") ? DEFAULT_WIDTH : format.equals("svg") ? 600 : 396;
        int dh = format.equals("png") ? DEFAULT_HEIGHT : format.equals("svg") ? 436 : 288;
        if (w == 0 && h == 0) {
            return new int[]{dw, dh};
        }
        if (w == 0) {
            return new int[]{(int) Math.round(h * 5.5 / 4), h};
        }
        if (h == 0) {
            return new int[]{w, (int) Math.round(w * 4 / 5.5)};
        }
        return new int[]{w, h};
    }

    private static void write(Graph g, Path path, String format, int w, int h) throws IOException {
        switch (format) {
            case "png" -> {
                PngCanvas c = new PngCanvas(w, h);
                Plotter.draw(g, c, w, h);
                c.write(path);
            }
            case "svg" -> {
                SvgCanvas c = new SvgCanvas(w, h);
                Plotter.draw(g, c, w, h);
                Files.writeString(path, c.document(), StandardCharsets.UTF_8);
            }
            case "pdf" -> {
                VectorCanvas c = new VectorCanvas(h, true);
                Plotter.draw(g, c, w, h);
                DocumentWriters.pdf(path, c.operators(), w, h);
            }
            default -> {
                VectorCanvas c = new VectorCanvas(h, false);
                Plotter.draw(g, c, w, h);
                DocumentWriters.eps(path, c.operators(), w, h);
            }
        }
    }

    private static String suffix(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
