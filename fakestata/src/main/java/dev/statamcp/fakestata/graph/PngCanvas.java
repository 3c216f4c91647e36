package dev.statamcp.fakestata.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A PNG rendering through Java2D, headless. Text is skipped, not fatal, on a system without usable fonts. */
final class PngCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;
    private boolean textBroken;

    PngCanvas(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean rotated, Color color) {
        if (textBroken || text.isEmpty()) {
            return;
        }
        try {
            g.setColor(color);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(1, (int) Math.round(size))));
            FontMetrics m = g.getFontMetrics();
            int w = m.stringWidth(text);
            double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? w / 2.0 : w;
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            if (rotated) {
                g.rotate(-Math.PI / 2);
            }
            g.drawString(text, (float) -shift, 0f);
            g.setTransform(saved);
        } catch (Throwable e) {
            textBroken = true;
        }
    }

    void write(Path file) throws IOException {
        g.dispose();
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
