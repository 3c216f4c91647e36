package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;

/** Where {@code display} writes: the session output, or a string for {@code `: display ...'}. */
public interface DisplayTarget {
    void text(Style style, String text);

    void newline();

    int column();

    static DisplayTarget of(Output out) {
        return new DisplayTarget() {
            @Override
            public void text(Style style, String text) {
                out.print(style, text);
            }

            @Override
            public void newline() {
                out.newline();
            }

            @Override
            public int column() {
                return out.column();
            }
        };
    }

    /** Collects the text on one line (newlines become spaces), as extended macro functions need. */
    final class Capture implements DisplayTarget {
        private final StringBuilder text = new StringBuilder();
        private int column;

        @Override
        public void text(Style style, String s) {
            text.append(s);
            column += s.length();
        }

        @Override
        public void newline() {
            column = 0;
        }

        @Override
        public int column() {
            return column;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
