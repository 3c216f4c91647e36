package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;

/** Where {@code display} writes: the session output, or a string for {@code `: display ...'}. */
public interface DisplayTarget {
    void text(Style style, String text);

    /** Text without newlines whose UTF-8 bytes are already known; they go out as they are where that is cheaper. */
    default void text(Style style, String text, byte[] utf8) {
        text(style, text);
    }

    /**
     * Whole lines already encoded, each ending with a newline, written as one block; false when this target cannot
     * take them so (the caller then writes piece by piece).
     */
    default boolean lines(byte[] utf8, int count) {
        return false;
    }

    void newline();

    int column();

    static DisplayTarget of(Output out) {
        return new DisplayTarget() {
            @Override
            public void text(Style style, String text) {
                out.print(style, text);
            }

            @Override
            public void text(Style style, String text, byte[] utf8) {
                out.print(style, text, utf8);
            }

            @Override
            public boolean lines(byte[] utf8, int count) {
                return out.printLines(utf8, count);
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
