package dev.statamcp.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.jsonrpc.McpException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * A registration list (tools, resources, prompts...) that may change while clients are connected. Keeps registration
 * order, replaces an entry registered again under the same key, and tells the server when it changed so the server
 * can send {@code list_changed}.
 */
public final class Catalog<T> {
    private final Function<T, String> key;
    private volatile LinkedHashMap<String, T> items = new LinkedHashMap<>();
    private volatile Runnable onChange;

    public Catalog(Function<T, String> key) {
        this.key = key;
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    public void add(T item) {
        synchronized (this) {
            LinkedHashMap<String, T> copy = new LinkedHashMap<>(items);
            copy.put(key.apply(item), item);
            items = copy;
        }
        notifyChange();
    }

    private void notifyChange() {
        Runnable listener = onChange;
        if (listener != null) {
            listener.run();
        }
    }

    public boolean remove(String itemKey) {
        boolean removed;
        synchronized (this) {
            LinkedHashMap<String, T> copy = new LinkedHashMap<>(items);
            removed = copy.remove(itemKey) != null;
            items = copy;
        }
        if (removed) {
            notifyChange();
        }
        return removed;
    }

    public T get(String itemKey) {
        return items.get(itemKey);
    }

    public List<T> all() {
        return new ArrayList<>(items.values());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** One page of a list result. {@code nextCursor} is null on the last page. */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** The page a {@code cursor} (from a previous page, or null for the first) points at. */
    public Page<T> page(JsonNode cursor, int pageSize) {
        List<T> all = all();
        int offset = cursor == null || cursor.isNull() ? 0 : decode(cursor);
        int end = Math.min(all.size(), offset + pageSize);
        List<T> slice = offset >= all.size() ? List.of() : all.subList(offset, end);
        String next = end < all.size() ? encode(end) : null;
        return new Page<>(slice, next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(JsonNode cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
            if (text.startsWith("o")) {
                int offset = Integer.parseInt(text.substring(1));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw McpException.invalidParams("the cursor '" + cursor.asText()
                + "' was not issued by this server; omit it to list from the start");
    }
}
