package io.genai4j.engine.io;

import io.genai4j.engine.util.Printable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A config record's JSON object, both ways. {@link #ordered} writes one: names and values in the
 * order they are given (a config.json reads like its record). A {@code JsonFields} reads one back:
 * each getter names the source and the field when it is missing or of the wrong type, so an edited
 * or truncated file is one line of error, not a ClassCastException.
 */
public final class JsonFields {
    private final Map<String, ?> map;
    private final String source;

    /** @param source what to name in errors, e.g. the file ("run/config.json") */
    public JsonFields(Map<String, ?> map, String source) {
        this.map = map;
        this.source = source;
    }

    /** A map of the given name, value, name, value, ... in that order. */
    public static Map<String, Object> ordered(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must come in pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return m;
    }

    /**
     * The record built from fields already read: a value its constructor rejects (a size of zero)
     * comes back naming the source too.
     */
    public <T> T checked(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private Object field(String key) {
        if (!map.containsKey(key)) throw new IllegalArgumentException(source + ": missing field '" + key + "'");
        return map.get(key);
    }

    private IllegalArgumentException wrong(String key, String expected) {
        return new IllegalArgumentException(source + ": field '" + key + "' must be " + expected + ", got " + Printable.of(String.valueOf(map.get(key))));
    }

    /** A whole number within int's range. */
    public int integer(String key) {
        if (field(key) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw wrong(key, "an integer");
    }

    public double number(String key) {
        if (field(key) instanceof Number n) return n.doubleValue();
        throw wrong(key, "a number");
    }

    public boolean bool(String key) {
        if (field(key) instanceof Boolean b) return b;
        throw wrong(key, "true or false");
    }

    public String string(String key) {
        if (field(key) instanceof String s) return s;
        throw wrong(key, "a string");
    }
}
