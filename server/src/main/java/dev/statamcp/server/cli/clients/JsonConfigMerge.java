package dev.statamcp.server.cli.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts one server entry into a JSON client config, keeping every other key and server as it was (in order). A file
 * that is not plain JSON is left alone: comments (which VS Code allows) would be lost in a rewrite, and a broken
 * file must not be replaced by a guess.
 */
public final class JsonConfigMerge {
    private static final JsonMapper STRICT = JsonMapper.builder().build();
    private static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS,
            JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_YAML_COMMENTS).build();

    private JsonConfigMerge() {
    }

    /**
     * @param existing the file's text, or null when there is no file
     * @return the new text
     */
    public static String merge(String existing, String serversKey, String name, ObjectNode entry)
            throws ConfigMergeException {
        ObjectNode root = existing == null || existing.isBlank() ? STRICT.createObjectNode() : parse(existing);
        JsonNode servers = root.get(serversKey);
        if (servers == null || servers.isNull()) {
            servers = root.putObject(serversKey);
        } else if (!servers.isObject()) {
            throw new ConfigMergeException("\"" + serversKey + "\" in this file is not an object; fix it by hand");
        }
        ((ObjectNode) servers).set(name, entry);
        return write(root);
    }

    private static ObjectNode parse(String text) throws ConfigMergeException {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException strict) {
            try {
                LENIENT.readTree(text);
            } catch (JsonProcessingException e) {
                throw new ConfigMergeException("it is not valid JSON (" + strict.getOriginalMessage()
                        + ", line " + strict.getLocation().getLineNr() + "); fix or move it, then run this again");
            }
            throw new ConfigMergeException("it has comments or trailing commas, which rewriting it would drop;"
                    + " add the entry printed above by hand");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigMergeException("its top level is not a JSON object; fix it by hand");
        }
        return (ObjectNode) root;
    }

    /** Two-space indentation and {@code "key": value}, the way these files are usually written by hand. */
    public static String write(JsonNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return STRICT.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
