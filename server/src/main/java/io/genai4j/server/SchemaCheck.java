package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Refuses a JSON Schema that cannot mean anything (a {@code response_format} schema or a tool's
 * {@code parameters}) before any token is generated: it must be an object whose {@code type} names
 * JSON types, whose {@code properties} are schemas, whose {@code items} is a schema and whose
 * {@code required} lists strings. Deeper semantics are the grammar engine's to enforce.
 */
final class SchemaCheck {
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array", "null");
    private static final int MAX_DEPTH = 64;

    private SchemaCheck() {}

    static void check(JsonNode schema, String path) {
        check(schema, path, 0);
    }

    private static void check(JsonNode s, String path, int depth) {
        if (depth > MAX_DEPTH) throw ApiException.invalid(path, path + " nests deeper than " + MAX_DEPTH + " levels");
        if (s.isBoolean()) return;   // true / false are schemas too
        if (!s.isObject()) throw ApiException.invalid(path, path + " must be a JSON Schema object, got " + Fields.kind(s));
        JsonNode type = s.get("type");
        if (type != null) {
            if (type.isTextual()) checkType(type, path + ".type");
            else if (type.isArray()) for (JsonNode t : type) checkType(t, path + ".type");
            else throw ApiException.invalid(path + ".type", path + ".type must be a type name or a list of them, got " + Fields.kind(type));
        }
        JsonNode props = s.get("properties");
        if (props != null) {
            if (!props.isObject()) throw ApiException.invalid(path + ".properties", path + ".properties must be an object, got " + Fields.kind(props));
            for (var e : props.properties()) check(e.getValue(), path + ".properties." + e.getKey(), depth + 1);
        }
        JsonNode items = s.get("items");
        if (items != null) check(items, path + ".items", depth + 1);
        JsonNode required = s.get("required");
        if (required != null) {
            if (!required.isArray()) throw ApiException.invalid(path + ".required", path + ".required must be an array of property names, got " + Fields.kind(required));
            for (JsonNode r : required) {
                if (!r.isTextual()) throw ApiException.invalid(path + ".required", path + ".required must list property names, got " + Fields.kind(r));
            }
        }
        JsonNode en = s.get("enum");
        if (en != null && (!en.isArray() || en.isEmpty())) throw ApiException.invalid(path + ".enum", path + ".enum must be a non-empty array");
    }

    private static void checkType(JsonNode t, String path) {
        if (!t.isTextual() || !TYPES.contains(t.textValue())) {
            throw ApiException.invalid(path, path + " must be one of " + TYPES.stream().sorted().toList() + ", got " + Fields.kind(t));
        }
    }
}
