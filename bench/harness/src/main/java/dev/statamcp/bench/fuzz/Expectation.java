package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a correct JSON-RPC 2.0 server does with one message, as far as it can be told from the outside.
 *
 * @param mustAnswer     requests with a usable id: each needs a response carrying one of the ids of its set (a set
 *                       holds more than one id only when the message repeats the "id" member), or an error with a
 *                       null id (the server could not read the id)
 * @param mayAnswer      every id that a response to this message may carry, besides null
 * @param answerRequired JSON-RPC asks for an error answer though there is no usable id (unparseable text, invalid
 *                       UTF-8, an invalid request without id, an empty batch)
 * @param batch          the message is a JSON array: one array of responses, or one error, may come back
 */
public record Expectation(List<Set<String>> mustAnswer, Set<String> mayAnswer, boolean answerRequired,
                          boolean batch) {

    public static Expectation nothing() {
        return new Expectation(List.of(), Set.of(), false, false);
    }

    /** Several messages sent as one unit (a stdio write whose bytes held line breaks). */
    public static Expectation combine(List<Expectation> parts) {
        List<Set<String>> must = new ArrayList<>();
        Set<String> may = new HashSet<>();
        boolean required = false;
        boolean batch = false;
        for (Expectation part : parts) {
            must.addAll(part.mustAnswer);
            may.addAll(part.mayAnswer);
            required |= part.answerRequired;
            batch |= part.batch;
        }
        return new Expectation(List.copyOf(must), Set.copyOf(may), required, batch);
    }

    /** An id in a form where equal JSON values compare equal: {@code 7}, {@code 7.0} and {@code 7e0} alike. */
    public static String canonicalId(JsonNode id) {
        if (id == null || id.isNull()) {
            return "null";
        }
        if (id.isTextual()) {
            return "s:" + id.textValue();
        }
        if (id.isNumber()) {
            return canonicalNumber(id.isIntegralNumber() ? new BigDecimal(id.bigIntegerValue()) : id.decimalValue());
        }
        return "other:" + id;
    }

    static String canonicalNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return "n:0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // Plain digits where they are short (53000000, not 5.3E+7); scientific for 1e400 and the like.
        String plain = stripped.scale() > -64 && stripped.scale() < 64 ? stripped.toPlainString() : null;
        return "n:" + (plain != null && plain.length() <= 64 ? plain : stripped.toString());
    }
}
