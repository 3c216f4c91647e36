package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The answers received for one fuzz message, checked against its {@link Expectation} as they arrive: is every
 * answer well-formed JSON-RPC, does it carry an id that was sent, has every request with an id been answered.
 */
public final class Answers {
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxNumberLength(Integer.MAX_VALUE)
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .build())
                            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final Expectation expectation;
    private final Set<String> mustSucceed;
    private final Predicate<String> owedEarlier;
    private final Predicate<String> sentEarlier;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> answered = new HashMap<>();
    private final Map<String, JsonNode> lastAnswer = new HashMap<>();
    private int nullIdErrors;
    private int responses;
    private int late;

    /**
     * @param owedEarlier takes an id still owed to an earlier message (and marks it answered): such an answer is
     *                    late, and is not counted for this message
     * @param sentEarlier tells ids sent in earlier messages: an answer with such an id is late, not wrong
     */
    public Answers(Expectation expectation, Set<String> mustSucceed, Predicate<String> owedEarlier,
                   Predicate<String> sentEarlier) {
        this.expectation = expectation;
        this.mustSucceed = mustSucceed;
        this.owedEarlier = owedEarlier;
        this.sentEarlier = sentEarlier;
    }

    /** For a transport where every answer belongs to the message just sent (one HTTP exchange). */
    public Answers(Expectation expectation, Set<String> mustSucceed) {
        this(expectation, mustSucceed, id -> false, id -> false);
    }

    /** One answer as received (a stdio line, a JSON body, an SSE data payload). */
    public void add(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            problems.add(Problem.broken("NOT_JSON", "the server wrote something that is not JSON: "
                    + Printable.of(text)));
            return;
        }
        if (node == null) {
            problems.add(Problem.broken("NOT_JSON", "the server wrote an empty message"));
        } else if (node.isArray()) {
            if (node.isEmpty() || !expectation.batch() && !answersEarlierBatch(node)) {
                problems.add(Problem.broken("MALFORMED", "an array answer to a message that was not a non-empty batch: "
                        + Printable.of(text)));
            }
            node.forEach(element -> message(element, text));
        } else {
            message(node, text);
        }
    }

    /** An array whose ids all belong to earlier messages: a late answer to an earlier batch. */
    private boolean answersEarlierBatch(JsonNode array) {
        for (JsonNode element : array) {
            JsonNode id = element.get("id");
            if (id != null && !id.isNull() && !sentEarlier.test(Expectation.canonicalId(id))) {
                return false;
            }
        }
        return true;
    }

    private void message(JsonNode node, String text) {
        if (!node.isObject() || !"2.0".equals(node.path("jsonrpc").textValue())) {
            problems.add(Problem.broken("MALFORMED", "not a JSON-RPC 2.0 message: " + Printable.of(text)));
            return;
        }
        if (node.has("method")) {
            if (!node.get("method").isTextual()) {
                problems.add(Problem.broken("MALFORMED", "a server message whose method is not a string: "
                        + Printable.of(text)));
            }
            return;
        }
        JsonNode id = node.get("id");
        boolean hasResult = node.has("result");
        boolean hasError = node.has("error");
        if (id == null || !(id.isTextual() || id.isNumber() || id.isNull()) || hasResult == hasError) {
            problems.add(Problem.broken("MALFORMED", "a response without a proper id or with not exactly one of"
                    + " result and error: " + Printable.of(text)));
            return;
        }
        if (hasError) {
            JsonNode error = node.get("error");
            if (!error.path("code").isIntegralNumber() || !error.path("message").isTextual()) {
                problems.add(Problem.broken("MALFORMED", "an error without an integer code and a string message: "
                        + Printable.of(text)));
                return;
            }
        }
        responses++;
        String key = Expectation.canonicalId(id);
        if (id.isNull()) {
            if (!hasError) {
                problems.add(Problem.broken("MALFORMED", "a result with a null id: " + Printable.of(text)));
            }
            nullIdErrors++;
        } else if (owedEarlier.test(key)) {
            late++;
        } else if (expectation.mayAnswer().contains(key)) {
            answered.merge(key, 1, Integer::sum);
            lastAnswer.put(key, node);
        } else if (sentEarlier.test(key)) {
            late++;
        } else {
            problems.add(Problem.broken("UNEXPECTED_ID", "an answer whose id was not in the message (sent ids: "
                    + Printable.of(String.valueOf(expectation.mayAnswer())) + "): " + Printable.of(text)));
        }
    }

    /**
     * True when every request with an id has been answered (or the whole message was refused with a null id), and a
     * message that calls for some answer has had one.
     */
    public boolean complete() {
        return unanswered().isEmpty() && (!expectation.answerRequired() || responses > 0);
    }

    private List<Set<String>> unanswered() {
        if (nullIdErrors > 0) {
            return List.of();
        }
        List<Set<String>> missing = new ArrayList<>();
        for (Set<String> group : expectation.mustAnswer()) {
            if (group.stream().noneMatch(answered::containsKey)) {
                missing.add(group);
            }
        }
        return missing;
    }

    /** Requests still without an answer: each set holds the ids any one of which would answer it. */
    public List<Set<String>> unansweredRequests() {
        return unanswered();
    }

    static Problem missing(Set<String> group) {
        return Problem.broken("MISSING_ANSWER", "no answer to the request with id "
                + Printable.of(String.join(" or ", group)));
    }

    /** Everything wrong, once no more answers will be counted for this message. */
    public List<Problem> problems() {
        List<Problem> all = problemsBesidesMissing();
        for (Set<String> group : unanswered()) {
            all.add(missing(group));
        }
        return all;
    }

    /** Everything wrong except requests not answered yet, which a caller may still wait for. */
    public List<Problem> problemsBesidesMissing() {
        List<Problem> all = new ArrayList<>(problems);
        for (String id : mustSucceed) {
            JsonNode answer = lastAnswer.get(id);
            if (answer != null && !answer.has("result")) {
                all.add(Problem.broken("VALID_REQUEST_FAILED", "a valid request was answered with an error: "
                        + Printable.of(answer.toString())));
            }
        }
        Map<String, Integer> allowed = new HashMap<>();
        expectation.mustAnswer().forEach(group -> group.forEach(id -> allowed.merge(id, 1, Integer::sum)));
        answered.forEach((id, count) -> {
            if (count > allowed.getOrDefault(id, 1)) {
                all.add(Problem.broken("DUPLICATE_ANSWER", count + " answers with id " + Printable.of(id)));
            }
        });
        if (expectation.answerRequired() && responses == 0) {
            all.add(Problem.spec("NO_ERROR_ANSWER", "no error answer to a message that JSON-RPC says must get one"
                    + " (unparseable, not UTF-8, or an invalid request)"));
        }
        return all;
    }

    public int responses() {
        return responses;
    }

    /** Answers that came for earlier messages, after their wait was over. */
    public int late() {
        return late;
    }
}
