package dev.statamcp.bench.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out the {@link Expectation} of a message by reading it as a strict JSON parser would, with a streaming
 * parser and no depth limit (100,000 levels must not overflow the checker's own stack). Ids seen before a syntax
 * error still count as ids a lenient server may answer.
 */
public final class ExpectationOracle {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private final List<Set<String>> mustAnswer = new ArrayList<>();
    private final Set<String> mayAnswer = new HashSet<>();
    private boolean answerRequired;
    private boolean batch;

    private ExpectationOracle() {
    }

    /** The expectation of one message (one stdio line, one HTTP body). */
    public static Expectation of(byte[] message) {
        if (isBlank(message)) {
            return Expectation.nothing();
        }
        ExpectationOracle oracle = new ExpectationOracle();
        boolean utf8 = isUtf8(message);
        byte[] input = utf8 ? message : new String(message, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = FACTORY.createParser(input)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                oracle.object(parser);
            } else if (first == JsonToken.START_ARRAY) {
                oracle.batch = true;
                int elements = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    elements++;
                    if (token == JsonToken.START_OBJECT) {
                        oracle.object(parser);
                    } else {
                        parser.skipChildren();
                        oracle.answerRequired = true;
                    }
                }
                oracle.answerRequired |= elements == 0;
            } else {
                parser.skipChildren();
                oracle.answerRequired = true;
            }
            if (parser.nextToken() != null) {
                oracle.answerRequired = true;
            }
        } catch (IOException e) {
            oracle.answerRequired = true;
        }
        if (!utf8) {
            // A server may reject the text (parse error) or read it leniently and answer the request: either is
            // right, but something must come back.
            oracle.mustAnswer.clear();
            oracle.answerRequired = true;
        }
        return new Expectation(List.copyOf(oracle.mustAnswer), Set.copyOf(oracle.mayAnswer), oracle.answerRequired,
                oracle.batch);
    }

    /** Reads one object whose START_OBJECT was just read, up to and including its END_OBJECT. */
    private void object(JsonParser parser) throws IOException {
        Set<String> ids = new HashSet<>();
        boolean badId = false;
        boolean hasMethod = false;
        boolean isResponse = false;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        ids.add("s:" + parser.getText());
                    } else if (value == JsonToken.VALUE_NUMBER_INT) {
                        ids.add(Expectation.canonicalNumber(new BigDecimal(parser.getBigIntegerValue())));
                    } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                        ids.add(Expectation.canonicalNumber(parser.getDecimalValue()));
                    } else {
                        badId = true;
                        parser.skipChildren();
                    }
                    mayAnswer.addAll(ids);
                }
                case "method" -> {
                    hasMethod = true;
                    parser.skipChildren();
                }
                case "result", "error" -> {
                    isResponse = true;
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
        if (hasMethod || !isResponse) {
            // A request, a notification, or an invalid object: a usable id must be answered; a bad or null one
            // calls for an error with a null id. A notification (no id at all) gets nothing.
            if (!ids.isEmpty() && !badId) {
                mustAnswer.add(Set.copyOf(ids));
            } else if (badId || !hasMethod) {
                answerRequired = true;
            }
        }
    }

    private static boolean isBlank(byte[] message) {
        for (byte b : message) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
