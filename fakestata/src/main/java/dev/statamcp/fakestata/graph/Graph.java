package dev.statamcp.fakestata.graph;

import java.util.List;

/**
 * A graph in memory: what to draw, computed when the graph command ran (Stata too keeps the drawn graph, not a
 * reference to the data).
 *
 * @param name the graph's name ({@code Graph} unless {@code name()} says otherwise)
 * @param kind scatter, line or histogram
 * @param title the title, or the empty string
 * @param xTitle the x axis title
 * @param yTitle the y axis title
 * @param series the plotted series
 */
public record Graph(String name, String kind, String title, String xTitle, String yTitle, List<Series> series) {

    /** One plotted series: points (scatter, line) or bars (histogram: x = bin start, y = height, width). */
    public record Series(String kind, double[] x, double[] y, double barWidth) {
    }
}
