package io.genai4j.llm.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks JSON against the schema keywords {@link SchemaOf} writes (type, properties, required,
 * additionalProperties false, enum, items): enough to say whether a model's arguments fit a
 * derived tool schema. Any other keyword is refused by name rather than ignored; the grammar
 * engine's validator covers full JSON Schema.
 */
public final class SchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KNOWN = List.of("type", "properties", "required", "additionalProperties", "enum", "items", "description");

    private SchemaCheck() {}

    /** What is wrong with {@code json} under {@code schema}; empty when it fits. */
    public static List<String> problems(String schema, String json) {
        JsonNode s, v;
        try {
            s = JSON.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the schema is not valid JSON: " + Printable.of(schema));
        }
        List<String> out = new ArrayList<>();
        try {
            v = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            out.add("not valid JSON: " + e.getOriginalMessage());
            return out;
        }
        check(s, v, "$", out);
        return out;
    }

    private static void check(JsonNode s, JsonNode v, String at, List<String> out) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k)) throw new IllegalArgumentException("schema keyword " + Printable.of(k) + " is not supported by this check");
        }
        String type = s.path("type").asText("");
        boolean fits = switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "" -> true;
            default -> throw new IllegalArgumentException("schema type " + Printable.of(type) + " is not supported by this check");
        };
        if (!fits) {
            out.add(at + ": expected " + type + ", got " + Printable.of(v.toString()));
            return;
        }
        if (s.has("enum")) {
            boolean any = false;
            for (JsonNode e : s.get("enum")) any |= e.equals(v);
            if (!any) out.add(at + ": " + Printable.of(v.toString()) + " is not one of " + s.get("enum"));
        }
        if (v.isObject()) {
            JsonNode props = s.path("properties");
            for (JsonNode r : s.path("required")) if (!v.has(r.asText())) out.add(at + ": missing required property " + Printable.of(r.asText()));
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (props.has(k)) check(props.get(k), v.get(k), at + "." + k, out);
                else if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
                    out.add(at + ": property " + Printable.of(k) + " is not allowed");
                }
            }
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) check(s.get("items"), v.get(i), at + "[" + i + "]", out);
        }
    }
}
