package dev.statamcp.fakestata.graph;

import java.awt.Color;

/**
 * What a graph is drawn on: a PNG image, an SVG or PDF or EPS document. Coordinates are pixels from the top-left
 * corner; document backends flip them as their format needs.
 */
public interface Canvas {
    enum Anchor { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, Color fill);

    void line(double x1, double y1, double x2, double y2, Color color, double width);

    void circle(double cx, double cy, double r, Color fill);

    /** Text with its baseline at y; rotated draws it vertically, reading upwards. */
    void text(double x, double y, String text, double size, Anchor anchor, boolean rotated, Color color);
}
