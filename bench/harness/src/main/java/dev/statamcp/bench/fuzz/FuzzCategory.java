package dev.statamcp.bench.fuzz;

/** The kinds of message the fuzzer sends, with their share of the messages in percent. */
public enum FuzzCategory {
    VALID(5, "valid requests and notifications, as a baseline"),
    BROKEN_JSON(10, "truncated, unbalanced or decorated JSON, junk text"),
    WRONG_TYPES(14, "valid messages with a field of the wrong type or missing"),
    HUGE_IDS(8, "ids that are huge or odd numbers, very long or odd strings"),
    DEEP_NESTING(3, "nesting 64 to 100,000 levels deep"),
    INVALID_UTF8(7, "bytes that are not UTF-8 inside and around strings"),
    OVERSIZED(1, "lines and bodies of megabytes"),
    UNKNOWN_METHODS(7, "methods that do not exist, odd method names"),
    BATCHES(8, "JSON arrays: empty, mixed, nested, duplicated ids"),
    NOTIFICATIONS_WITH_IDS(7, "notifications that carry an id, notifications with bad params"),
    BYTE_FLIPS(20, "random byte flips, insertions and deletions of valid messages"),
    RESPONSES(3, "responses sent to the server, which asked nothing"),
    SCALARS_AND_BLANKS(2, "blank lines, whitespace, bare JSON scalars"),
    MCP_MISUSE(5, "MCP methods with wrong params: tool calls, initialize, cancel, progress tokens");

    private final int weight;
    private final String description;

    FuzzCategory(int weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    public int weight() {
        return weight;
    }

    public String description() {
        return description;
    }

    /** Picks a category by weight from a number in [0, total weight). */
    static FuzzCategory pick(int roll) {
        int sum = 0;
        for (FuzzCategory category : values()) {
            sum += category.weight;
            if (roll < sum) {
                return category;
            }
        }
        return BYTE_FLIPS;
    }

    static int totalWeight() {
        int sum = 0;
        for (FuzzCategory category : values()) {
            sum += category.weight;
        }
        return sum;
    }
}
