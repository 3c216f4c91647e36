package dev.statamcp.fakestata.graph;

import java.awt.Color;
import java.util.Locale;

/**
 * PDF and EPS renderings share PostScript's imaging model (origin bottom-left, points); this canvas writes their
 * drawing operators, in PDF syntax or in PostScript syntax. The documents around them are written by hand because
 * the emulator may depend on nothing but the JDK.
 */
final class VectorCanvas implements Canvas {
    private static final double KAPPA = 0.5522847498;

    private final StringBuilder ops = new StringBuilder();
    private final double height;
    private final boolean pdf;

    VectorCanvas(double height, boolean pdf) {
        this.height = height;
        this.pdf = pdf;
    }

    String operators() {
        return ops.toString();
    }

    private double fy(double y) {
        return height - y;
    }

    private void color(Color c, boolean fill) {
        double r = c.getRed() / 255.0;
        double g = c.getGreen() / 255.0;
        double b = c.getBlue() / 255.0;
        if (pdf) {
            ops.append(f("%.3f %.3f %.3f %s\n", r, g, b, fill ? "rg" : "RG"));
        } else {
            ops.append(f("%.3f %.3f %.3f setrgbcolor\n", r, g, b));
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        color(fill, true);
        if (pdf) {
            ops.append(f("%.2f %.2f %.2f %.2f re f\n", x, fy(y + h), w, h));
        } else {
            ops.append(f("newpath %.2f %.2f %.2f %.2f rectfill\n", x, fy(y + h), w, h));
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width) {
        color(color, false);
        if (pdf) {
            ops.append(f("%.2f w %.2f %.2f m %.2f %.2f l S\n", width, x1, fy(y1), x2, fy(y2)));
        } else {
            ops.append(f("%.2f setlinewidth newpath %.2f %.2f moveto %.2f %.2f lineto stroke\n", width, x1, fy(y1),
                    x2, fy(y2)));
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        color(fill, true);
        double y = fy(cy);
        if (!pdf) {
            ops.append(f("newpath %.2f %.2f %.2f 0 360 arc fill\n", cx, y, r));
            return;
        }
        double k = KAPPA * r;
        ops.append(f("%.2f %.2f m\n", cx + r, y));
        ops.append(f("%.2f %.2f %.2f %.2f %.2f %.2f c\n", cx + r, y + k, cx + k, y + r, cx, y + r));
        ops.append(f("%.2f %.2f %.2f %.2f %.2f %.2f c\n", cx - k, y + r, cx - r, y + k, cx - r, y));
        ops.append(f("%.2f %.2f %.2f %.2f %.2f %.2f c\n", cx - r, y - k, cx - k, y - r, cx, y - r));
        ops.append(f("%.2f %.2f %.2f %.2f %.2f %.2f c f\n", cx + k, y - r, cx + r, y - k, cx + r, y));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean rotated, Color color) {
        if (text.isEmpty()) {
            return;
        }
        color(color, true);
        String s = escape(text);
        double approx = 0.5 * size * text.length();
        double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? approx / 2 : approx;
        double ty = fy(y);
        if (pdf) {
            if (rotated) {
                ops.append(f("BT /F1 %.2f Tf 0 1 -1 0 %.2f %.2f Tm (%s) Tj ET\n", size, x, ty - shift, s));
            } else {
                ops.append(f("BT /F1 %.2f Tf %.2f %.2f Td (%s) Tj ET\n", size, x - shift, ty, s));
            }
        } else {
            ops.append(f("/Helvetica findfont %.2f scalefont setfont\n", size));
            if (rotated) {
                ops.append(f("gsave %.2f %.2f translate 90 rotate %.2f 0 moveto (%s) show grestore\n", x, ty, -shift,
                        s));
            } else {
                ops.append(f("%.2f %.2f moveto (%s) show\n", x - shift, ty, s));
            }
        }
    }

    /** Latin-1 text with PostScript string escapes; other characters become '?'. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
