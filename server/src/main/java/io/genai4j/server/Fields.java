package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of a JSON request object that name the field at fault: a field of the wrong type or
 * out of range is a 400 saying which field, what it must be and what it was. An absent field or an
 * explicit {@code null} takes the default (as OpenAI treats them); fields nobody reads are ignored.
 */
public final class Fields {
    private final ObjectNode node;
    private final String prefix;

    public Fields(JsonNode node, String path) {
        if (!(node instanceof ObjectNode o)) throw ApiException.invalid(path, path + " must be a JSON object, got " + kind(node));
        this.node = o;
        this.prefix = path.isEmpty() ? "" : path + ".";
    }

    String path(String name) {
        return prefix + name;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    JsonNode get(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    public String string(String name, String dflt) {
        JsonNode v = get(name);
        if (v == null) return dflt;
        if (!v.isTextual()) throw wrong(name, "a string", v);
        return v.textValue();
    }

    public String requiredString(String name) {
        String s = string(name, null);
        if (s == null) throw ApiException.invalid(path(name), path(name) + " is required");
        return s;
    }

    boolean bool(String name, boolean dflt) {
        JsonNode v = get(name);
        if (v == null) return dflt;
        if (!v.isBoolean()) throw wrong(name, "true or false", v);
        return v.booleanValue();
    }

    public long integer(String name, long dflt, long min, long max) {
        JsonNode v = get(name);
        if (v == null) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrong(name, "an integer", v);
        long x = v.longValue();
        if (x < min || x > max) throw ApiException.invalid(path(name), path(name) + " must be in " + min + ".." + max + ", got " + x);
        return x;
    }

    public double number(String name, double dflt, double min, double max) {
        JsonNode v = get(name);
        if (v == null) return dflt;
        if (!v.isNumber()) throw wrong(name, "a number", v);
        double x = v.doubleValue();
        if (!(x >= min && x <= max)) throw ApiException.invalid(path(name), path(name) + " must be in [" + min + ", " + max + "], got " + x);
        return x;
    }

    /** A string or an array of strings, as {@code stop} and {@code input} take them; empty list when absent. */
    List<String> strings(String name) {
        JsonNode v = get(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isTextual()) {
            out.add(v.textValue());
            return out;
        }
        if (!v.isArray()) throw wrong(name, "a string or an array of strings", v);
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw ApiException.invalid(path(name) + "[" + i + "]", path(name) + "[" + i + "] must be a string, got " + kind(v.get(i)));
            out.add(v.get(i).textValue());
        }
        return out;
    }

    /** An array field; empty when absent. */
    List<JsonNode> array(String name) {
        JsonNode v = get(name);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) return out;
        if (!v.isArray()) throw wrong(name, "an array", v);
        v.forEach(out::add);
        return out;
    }

    /** A nested object's fields, or null when absent. */
    Fields object(String name) {
        JsonNode v = get(name);
        return v == null ? null : new Fields(v, path(name));
    }

    ApiException wrong(String name, String expected, JsonNode v) {
        return ApiException.invalid(path(name), path(name) + " must be " + expected + ", got " + kind(v));
    }

    /** How a value looks in an error message: its JSON type and, for short scalars, the value. */
    static String kind(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        String type = v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isArray() ? "array" : "object";
        if (v.isContainerNode()) return type;
        return type + " " + (v.isTextual() ? "\"" + Printable.of(v.textValue()) + "\"" : Printable.of(v.toString()));
    }
}
