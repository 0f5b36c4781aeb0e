package io.genai4j.engine.io.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The key/value metadata of a GGUF file, in file order, each value with its GGUF type. Scalars are
 * Long (every integer type; an unsigned 64-bit value keeps its bits), Float, Double, Boolean or
 * String; arrays are {@link GgufArray}. The typed getters give clear errors naming the key.
 */
public final class GgufMetadata {

    /** One metadata entry. */
    public record Entry(String key, GgufValueType type, Object value) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final String source;

    public GgufMetadata(String source) {
        this.source = source;
    }

    void add(Entry e) {
        if (entries.putIfAbsent(e.key(), e) != null) throw new GgufException(source, "duplicate metadata key " + GgufReader.quote(e.key()));
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    /** The raw value, or null. */
    public Object get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public String string(String key) {
        Object v = require(key);
        if (v instanceof String s) return s;
        throw wrongType(key, "a string");
    }

    public String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    public long integer(String key) {
        Object v = require(key);
        if (v instanceof Long l) return l;
        throw wrongType(key, "an integer");
    }

    /** An integer that must fit an int (dimensions, counts, token ids). */
    public int int32(String key) {
        long v = integer(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new GgufException(source, "metadata " + GgufReader.quote(key) + " = " + v + " is out of range");
        return (int) v;
    }

    public int int32(String key, int fallback) {
        return has(key) ? int32(key) : fallback;
    }

    public float float32(String key) {
        Object v = require(key);
        if (v instanceof Float f) return f;
        if (v instanceof Double d) return d.floatValue();
        if (v instanceof Long l) return l;
        throw wrongType(key, "a number");
    }

    public float float32(String key, float fallback) {
        return has(key) ? float32(key) : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) return fallback;
        Object v = get(key);
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;   // some converters wrote flags as integers
        throw wrongType(key, "a boolean");
    }

    public GgufArray array(String key) {
        Object v = require(key);
        if (v instanceof GgufArray a) return a;
        throw wrongType(key, "an array");
    }

    public String[] strings(String key) {
        GgufArray a = array(key);
        if (a.values() instanceof String[] s) return s;
        throw wrongType(key, "an array of strings");
    }

    public float[] floats(String key) {
        GgufArray a = array(key);
        return switch (a.values()) {
            case float[] f -> f;
            case double[] d -> {
                float[] f = new float[d.length];
                for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
                yield f;
            }
            case long[] l -> {
                float[] f = new float[l.length];
                for (int i = 0; i < l.length; i++) f[i] = l[i];
                yield f;
            }
            default -> throw wrongType(key, "an array of numbers");
        };
    }

    public int[] ints(String key) {
        GgufArray a = array(key);
        if (!(a.values() instanceof long[] l)) throw wrongType(key, "an array of integers");
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] < Integer.MIN_VALUE || l[i] > Integer.MAX_VALUE) throw new GgufException(source, "metadata " + GgufReader.quote(key) + "[" + i + "] = " + l[i] + " is out of range");
            out[i] = (int) l[i];
        }
        return out;
    }

    private Object require(String key) {
        Entry e = entries.get(key);
        if (e == null) throw new GgufException(source, "metadata key " + GgufReader.quote(key) + " is missing");
        return e.value();
    }

    private GgufException wrongType(String key, String wanted) {
        return new GgufException(source, "metadata " + GgufReader.quote(key) + " is " + entries.get(key).type() + ", expected " + wanted);
    }
}
