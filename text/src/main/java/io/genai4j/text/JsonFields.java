package io.genai4j.text;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of values from a parsed JSON tree ({@link Json#parse}) for the tokenizer.json readers.
 * A value of the wrong type is a bad file, not a bug: each read throws an
 * {@link IllegalArgumentException} naming where the value sits ({@code where}, e.g.
 * {@code "tokenizer.json: model.vocab[\"hi\"]"}), what was expected and what was found, so a
 * hostile file never surfaces as a ClassCastException or NullPointerException.
 */
public final class JsonFields {
    private JsonFields() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v, String where) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw wrong(where, "an object", v);
    }

    /** The object, or an empty map when the value is absent or null. */
    public static Map<String, Object> optionalObject(Object v, String where) {
        return v == null ? Map.of() : object(v, where);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v, String where) {
        if (v instanceof List<?> l) return (List<Object>) l;
        throw wrong(where, "an array", v);
    }

    /** The list, or an empty list when the value is absent or null. */
    public static List<Object> optionalList(Object v, String where) {
        return v == null ? List.of() : list(v, where);
    }

    public static String string(Object v, String where) {
        if (v instanceof String s) return s;
        throw wrong(where, "a string", v);
    }

    /** The string, or {@code dflt} when the value is absent or null. */
    public static String string(Object v, String dflt, String where) {
        return v == null ? dflt : string(v, where);
    }

    /** The boolean, or {@code dflt} when the value is absent or null. */
    public static boolean bool(Object v, boolean dflt, String where) {
        if (v == null) return dflt;
        if (v instanceof Boolean b) return b;
        throw wrong(where, "true or false", v);
    }

    /** An integer written without fraction or exponent, in [min, max]. */
    public static int integer(Object v, int min, int max, String where) {
        if (v instanceof Long l && l >= min && l <= max) return (int) (long) l;
        throw wrong(where, "an integer in " + min + ".." + max, v);
    }

    private static IllegalArgumentException wrong(String where, String expected, Object found) {
        String value = found == null ? "" : " " + Printable.of(Json.toJson(found, 80));
        return new IllegalArgumentException(where + " must be " + expected + ", found " + Json.typeName(found) + value);
    }
}
