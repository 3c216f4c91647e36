package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.lang.Lexer;
import dev.statamcp.fakestata.lang.NumberFormat;
import dev.statamcp.fakestata.lang.Token;
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
    /** One step: text to write, or a newline (text null). */
    record Step(String text, boolean newline) {
    }

    private static final int CAPACITY = 256;
    private static final List<Step> NOT_CONSTANT = List.of();
    private static final Map<String, List<Step>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Step>> eldest) {
            return size() > CAPACITY;
        }
    };

    private DisplayPlan() {
    }

    /**
     * The plan for these arguments, or null when they are not constant; {@code key} is the text that determines
     * them (the whole command line). Ends with a newline step unless {@code _c}.
     */
    static List<Step> of(String key, String args) {
        List<Step> plan = CACHE.get(key);
        if (plan == null) {
            plan = build(args);
            CACHE.put(key, plan);
        }
        return plan == NOT_CONSTANT ? null : plan;
    }

    private static List<Step> build(String args) {
        List<Token> t;
        try {
            t = Lexer.tokenize(args);
        } catch (RuntimeException e) {
            return NOT_CONSTANT;
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
                return NOT_CONSTANT;
            }
            newline = true;
            switch (tok.kind()) {
                case STRING -> steps.add(new Step(tok.text(), false));
                case NUMBER -> steps.add(new Step(NumberFormat.general(tok.number(), 9, false), false));
                case FORMAT -> {
                    NumberFormat f = NumberFormat.parse(tok.text());
                    if (f == null || next.kind() != Token.Kind.NUMBER && next.kind() != Token.Kind.STRING
                            || !isEnd(t.get(i + 2))) {
                        return NOT_CONSTANT;
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
                            return NOT_CONSTANT;
                        }
                    }
                }
                default -> {
                    return NOT_CONSTANT;
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
