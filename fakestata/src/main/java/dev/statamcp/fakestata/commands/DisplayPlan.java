package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.lang.Lexer;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Token;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of a {@code display} made only of literals and layout directives ({@code display "text" _n "more"}),
 * worked out once and reused: such a display cannot depend on data, macros or results, and a loop that prints a
 * lot repeats the same line. Anything with a name or an operator in it is not planned and is evaluated each time.
 */
final class DisplayPlan {
    /** One step: text to write (with its UTF-8 bytes, encoded once), or a newline (text null). */
    record Step(String text, boolean newline, byte[] utf8) {
        Step(String text, boolean newline) {
            this(text, newline, text == null || text.indexOf('\n') >= 0 ? null : text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The whole output as one block of encoded lines, for a plan that ends with a newline: written in one go where
     * every destination takes plain bytes, instead of a call per piece and per line.
     *
     * @param widest the longest line, in characters: the block is used only when no line wraps
     */
    record Lines(byte[] utf8, int count, int widest) {
    }

    private static final int CAPACITY = 256;
    private static final DisplayPlan NOT_CONSTANT = new DisplayPlan(List.of());
    private static final Map<String, DisplayPlan> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DisplayPlan> eldest) {
            return size() > CAPACITY;
        }
    };

    private static String lastKey;
    private static DisplayPlan lastPlan;

    private final List<Step> steps;
    private final Lines lines;

    private DisplayPlan(List<Step> steps) {
        this.steps = steps;
        this.lines = linesOf(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** The output as whole lines, or null (it ends without a newline, or a piece has a newline of its own). */
    Lines lines() {
        return lines;
    }

    /**
     * The plan for these arguments, or null when they are not constant; {@code key} is the text that determines
     * them (the whole command line). Ends with a newline step unless {@code _c}.
     */
    static DisplayPlan of(String key, String args) {
        // A loop repeats the very same line object (macro expansion hands back a line without macros as it is), so
        // an identity check spares hashing a long line on every iteration.
        if (key == lastKey) {
            return lastPlan == NOT_CONSTANT ? null : lastPlan;
        }
        DisplayPlan plan = CACHE.get(key);
        if (plan == null) {
            List<Step> steps = build(args);
            plan = steps == null ? NOT_CONSTANT : new DisplayPlan(steps);
            CACHE.put(key, plan);
        }
        lastKey = key;
        lastPlan = plan;
        return plan == NOT_CONSTANT ? null : plan;
    }

    private static Lines linesOf(List<Step> steps) {
        if (steps.isEmpty() || !steps.get(steps.size() - 1).newline()) {
            return null;
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int count = 0;
        int widest = 0;
        int width = 0;
        for (Step step : steps) {
            if (step.newline()) {
                block.write('\n');
                count++;
                widest = Math.max(widest, width);
                width = 0;
            } else if (step.utf8() == null) {
                return null;
            } else {
                block.writeBytes(step.utf8());
                width += step.text().length();
            }
        }
        return new Lines(block.toByteArray(), count, widest);
    }

    private static List<Step> build(String args) {
        List<Token> t;
        try {
            t = Lexer.tokenize(args);
        } catch (RuntimeException e) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        boolean newline = true;
        int i = 0;
        while (t.get(i).kind() != Token.Kind.EOF) {
            Token tok = t.get(i);
            Token next = t.get(i + 1);
            if (!isEnd(next) && !(tok.kind() == Token.Kind.IDENT && (tok.text().equals("_n")
                    || tok.text().equals("_newline") || tok.text().equals("_c") || tok.text().equals("_continue")))
                    && !(tok.kind() == Token.Kind.FORMAT)) {
                return null;
            }
            newline = true;
            switch (tok.kind()) {
                case STRING -> steps.add(new Step(tok.text(), false));
                case NUMBER -> steps.add(new Step(NumberFormat.general(tok.number(), 9, false), false));
                case FORMAT -> {
                    NumberFormat f = NumberFormat.parse(tok.text());
                    if (f == null || next.kind() != Token.Kind.NUMBER && next.kind() != Token.Kind.STRING
                            || !isEnd(t.get(i + 2))) {
                        return null;
                    }
                    steps.add(new Step(next.kind() == Token.Kind.NUMBER ? f.format(next.number())
                            : f.format(next.text()), false));
                    i++;
                }
                case IDENT -> {
                    switch (tok.text()) {
                        case "_n", "_newline" -> steps.add(new Step(null, true));
                        case "_c", "_continue" -> newline = false;
                        default -> {
                            return null;
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
            i++;
        }
        if (newline) {
            steps.add(new Step(null, true));
        }
        return steps;
    }

    /** A token after which a literal directive is complete: the end, or the start of another directive. */
    private static boolean isEnd(Token t) {
        return t.kind() == Token.Kind.EOF || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.FORMAT
                || t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.NUMBER;
    }
}
