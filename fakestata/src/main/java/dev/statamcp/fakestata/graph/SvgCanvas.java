package dev.statamcp.fakestata.graph;

import java.awt.Color;
import java.util.Locale;

/** An SVG rendering, written as text. */
final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n",
                x, y, w, h, hex(fill)));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>%n",
                x1, y1, x2, y2, hex(color), width));
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>%n", cx, cy, r,
                hex(fill)));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean rotated, Color color) {
        if (text.isEmpty()) {
            return;
        }
        String a = anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end";
        String rot = rotated ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.2f %.2f)\"", x, y) : "";
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.2f\" y=\"%.2f\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"%.2f\" "
                        + "text-anchor=\"%s\" fill=\"%s\"%s>%s</text>%n", x, y, size, a, hex(color), rot, escape(text)));
    }

    String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "px\" height=\""
                + height + "px\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + "<desc>Graph drawn by fakestata, a Stata emulator</desc>\n" + svg + "</svg>\n";
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
