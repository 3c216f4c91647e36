package dev.statamcp.mcp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates tool arguments against the subset of JSON Schema (2020-12) that tool input schemas use: type, properties,
 * required, enum, const, minimum/maximum (and exclusive), minLength/maxLength, pattern, items, minItems/maxItems,
 * additionalProperties, anyOf/oneOf/allOf, local {@code $ref} into {@code $defs}/{@code definitions}, and default.
 *
 * <p>Written by hand on purpose: the general-purpose validators load hundreds of classes (and often a regex engine
 * and a URI resolver) at start-up, which costs the stdio start time this server promises, for keywords tool schemas
 * never use. Unknown keywords are ignored, as the specification allows.
 */
public final class SchemaValidator {
    private SchemaValidator() {
    }

    /** Problems found, each naming the field and what is expected; empty when the value conforms. */
    public static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        if (schema != null && schema.isObject()) {
            check(schema, schema, value, "", problems);
        }
        return problems;
    }

    /**
     * Returns a copy of {@code arguments} with the {@code default} of every absent top-level property filled in, so
     * handlers see the documented defaults without repeating them.
     */
    public static ObjectNode applyDefaults(JsonNode schema, ObjectNode arguments) {
        ObjectNode result = arguments.deepCopy();
        JsonNode properties = schema == null ? null : schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                JsonNode defaultValue = property.getValue().get("default");
                if (defaultValue != null && !result.has(property.getKey())) {
                    result.set(property.getKey(), defaultValue.deepCopy());
                }
            }
        }
        return result;
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                problems.add(label(path) + " is not allowed");
            }
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            JsonNode target = resolve(root, ref.textValue());
            if (target != null) {
                check(root, target, value, path, problems);
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && !matchesType(type, value)) {
            problems.add(label(path) + " must be " + describeType(type) + ", got " + describeValue(value));
            return; // further keywords would only repeat the same mistake
        }
        checkEnumAndConst(schema, value, path, problems);
        if (value.isNumber()) {
            checkNumber(schema, value, path, problems);
        } else if (value.isTextual()) {
            checkString(schema, value.textValue(), path, problems);
        } else if (value.isArray()) {
            checkArray(root, schema, value, path, problems);
        } else if (value.isObject()) {
            checkObject(root, schema, value, path, problems);
        }
        checkCombinators(root, schema, value, path, problems);
    }

    private static void checkEnumAndConst(JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode candidate : allowed) {
                found |= sameValue(candidate, value);
            }
            if (!found) {
                problems.add(label(path) + " must be one of " + allowed + ", got " + value);
            }
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !sameValue(constant, value)) {
            problems.add(label(path) + " must be " + constant + ", got " + value);
        }
    }

    private static void checkNumber(JsonNode schema, JsonNode value, String path, List<String> problems) {
        double number = value.doubleValue();
        JsonNode minimum = schema.get("minimum");
        if (minimum != null && minimum.isNumber() && number < minimum.doubleValue()) {
            problems.add(label(path) + " must be at least " + minimum + ", got " + value);
        }
        JsonNode maximum = schema.get("maximum");
        if (maximum != null && maximum.isNumber() && number > maximum.doubleValue()) {
            problems.add(label(path) + " must be at most " + maximum + ", got " + value);
        }
        JsonNode exclusiveMinimum = schema.get("exclusiveMinimum");
        if (exclusiveMinimum != null && exclusiveMinimum.isNumber() && number <= exclusiveMinimum.doubleValue()) {
            problems.add(label(path) + " must be greater than " + exclusiveMinimum + ", got " + value);
        }
        JsonNode exclusiveMaximum = schema.get("exclusiveMaximum");
        if (exclusiveMaximum != null && exclusiveMaximum.isNumber() && number >= exclusiveMaximum.doubleValue()) {
            problems.add(label(path) + " must be less than " + exclusiveMaximum + ", got " + value);
        }
    }

    private static void checkString(JsonNode schema, String text, String path, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        JsonNode minLength = schema.get("minLength");
        if (minLength != null && minLength.isInt() && length < minLength.intValue()) {
            problems.add(label(path) + " must have at least " + minLength.intValue() + " characters");
        }
        JsonNode maxLength = schema.get("maxLength");
        if (maxLength != null && maxLength.isInt() && length > maxLength.intValue()) {
            problems.add(label(path) + " must have at most " + maxLength.intValue() + " characters");
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null && pattern.isTextual()) {
            try {
                if (!Pattern.compile(pattern.textValue()).matcher(text).find()) {
                    problems.add(label(path) + " must match the pattern " + pattern.textValue());
                }
            } catch (PatternSyntaxException ignored) {
                // A pattern Java cannot compile is the schema author's problem, not the caller's: do not reject.
            }
        }
    }

    private static void checkArray(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode minItems = schema.get("minItems");
        if (minItems != null && minItems.isInt() && value.size() < minItems.intValue()) {
            problems.add(label(path) + " must have at least " + minItems.intValue() + " items");
        }
        JsonNode maxItems = schema.get("maxItems");
        if (maxItems != null && maxItems.isInt() && value.size() > maxItems.intValue()) {
            problems.add(label(path) + " must have at most " + maxItems.intValue() + " items");
        }
        JsonNode items = schema.get("items");
        if (items != null && (items.isObject() || items.isBoolean())) {
            for (int i = 0; i < value.size(); i++) {
                check(root, items, value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkObject(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                if (!value.has(name.asText())) {
                    JsonNode propertySchema = schema.path("properties").get(name.asText());
                    String expected = propertySchema != null && propertySchema.has("type")
                            ? " (" + describeType(propertySchema.get("type")) + ")" : "";
                    problems.add(label(join(path, name.asText())) + " is required" + expected + " but missing");
                }
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode propertySchema = properties == null ? null : properties.get(field.getKey());
            String fieldPath = join(path, field.getKey());
            if (propertySchema != null) {
                check(root, propertySchema, field.getValue(), fieldPath, problems);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                problems.add(label(fieldPath) + " is not a known parameter" + known(properties));
            } else if (additional != null && additional.isObject()) {
                check(root, additional, field.getValue(), fieldPath, problems);
            }
        }
    }

    private static void checkCombinators(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode sub : allOf) {
                check(root, sub, value, path, problems);
            }
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null && anyOf.isArray() && countMatches(root, anyOf, value, path) == 0) {
            problems.add(label(path) + " does not match any of the allowed forms");
        }
        JsonNode oneOf = schema.get("oneOf");
        if (oneOf != null && oneOf.isArray() && countMatches(root, oneOf, value, path) != 1) {
            problems.add(label(path) + " must match exactly one of the allowed forms");
        }
    }

    private static int countMatches(JsonNode root, JsonNode alternatives, JsonNode value, String path) {
        int matches = 0;
        for (JsonNode alternative : alternatives) {
            List<String> sub = new ArrayList<>();
            check(root, alternative, value, path, sub);
            if (sub.isEmpty()) {
                matches++;
            }
        }
        return matches;
    }

    private static JsonNode resolve(JsonNode root, String ref) {
        if (!ref.startsWith("#")) {
            return null; // remote references are not followed: tool schemas are self-contained
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static boolean matchesType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode alternative : type) {
                if (matchesType(alternative, value)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asText()) {
            case "object": return value.isObject();
            case "array": return value.isArray();
            case "string": return value.isTextual();
            case "boolean": return value.isBoolean();
            case "null": return value.isNull();
            case "number": return value.isNumber();
            case "integer":
                return value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                        && !Double.isInfinite(value.doubleValue()));
            default: return true;
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String describeType(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(article(t.asText())));
            return String.join(" or ", names);
        }
        return article(type.asText());
    }

    private static String article(String type) {
        switch (type) {
            case "object": return "an object";
            case "array": return "an array";
            case "integer": return "an integer";
            case "null": return "null";
            default: return "a " + type;
        }
    }

    private static String describeValue(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + value;
        }
        if (value.isIntegralNumber()) {
            return "the integer " + value;
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.toString();
    }

    private static String known(JsonNode properties) {
        if (properties == null || properties.isEmpty()) {
            return " (this tool takes no parameters)";
        }
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return " (known: " + String.join(", ", names) + ")";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "arguments" : "'" + path + "'";
    }
}
