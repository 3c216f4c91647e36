package dev.statamcp.bench.fuzz;

import java.util.Set;

/**
 * One generated message: its bytes exactly as sent, and the ids of the requests in it that are valid and so must
 * succeed (not just be answered).
 */
public record FuzzMessage(int index, FuzzCategory category, byte[] bytes, Set<String> mustSucceed) {
}
