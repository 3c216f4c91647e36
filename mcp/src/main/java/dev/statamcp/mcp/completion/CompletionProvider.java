package dev.statamcp.mcp.completion;

import java.util.List;
import java.util.Map;

/**
 * Suggests values for an argument of a prompt or resource template ({@code completion/complete}). {@code refType}
 * is "ref/prompt" or "ref/resource"; {@code refName} the prompt name or template URI. Return null when this provider
 * does not know the reference, so the next provider is asked.
 */
@FunctionalInterface
public interface CompletionProvider {
    Completion complete(String refType, String refName, String argumentName, String partialValue,
                        Map<String, String> context) throws Exception;

    /** Suggested values (at most 100 are sent), the total known, and whether more exist. */
    record Completion(List<String> values, Integer total, boolean hasMore) {
        public static Completion of(List<String> values) {
            return new Completion(values, values.size(), false);
        }

        public static Completion empty() {
            return new Completion(List.of(), 0, false);
        }
    }
}
