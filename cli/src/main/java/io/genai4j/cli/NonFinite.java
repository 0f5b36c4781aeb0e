package io.genai4j.cli;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON has no NaN or infinity. Jackson writes them as the strings "NaN" and "Infinity", and the
 * old hand rounding made them 0.0, which reads as a perfect result. This walks a report's values
 * (maps, collections, arrays, nested) and replaces every number that is not finite by null,
 * noting where it was so the report can say so in an error field.
 */
final class NonFinite {
    private NonFinite() {}

    /** A copy of value with NaN/±Infinity replaced by null; each replacement adds "path=NaN" to problems. */
    static Object clean(Object value, String path, List<String> problems) {
        if (value instanceof Double d) return finiteOrNull(d, path, problems);
        if (value instanceof Float f) return finiteOrNull(f.doubleValue(), path, problems) == null ? null : f;
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) copy.put(e.getKey(), clean(e.getValue(), join(path, String.valueOf(e.getKey())), problems));
            return copy;
        }
        if (value instanceof Collection<?> c) {
            List<Object> copy = new ArrayList<>(c.size());
            int i = 0;
            for (Object o : c) copy.add(clean(o, path + "[" + i++ + "]", problems));
            return copy;
        }
        if (value instanceof double[] || value instanceof float[] || value instanceof Object[]) {
            int n = Array.getLength(value);
            List<Object> copy = new ArrayList<>(n);
            for (int i = 0; i < n; i++) copy.add(clean(Array.get(value, i), path + "[" + i + "]", problems));
            return copy;
        }
        return value;   // strings, whole numbers, int[]/long[], booleans: always valid JSON
    }

    private static Double finiteOrNull(double d, String path, List<String> problems) {
        if (Double.isFinite(d)) return d;
        if (problems.size() < 10) problems.add(path + "=" + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"));
        else if (problems.size() == 10) problems.add("...");
        return null;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
