package io.genai4j.models.diffusion;

import java.util.Map;

/** Numbers from a diffusion model file's config map, a missing or non-number field named in the error. */
final class ConfigFields {
    private ConfigFields() {}

    static int num(Map<String, Object> m, String key) {
        return (int) dbl(m, key);
    }

    static double dbl(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException("field '" + key + "' is missing or not a number");
        return n.doubleValue();
    }

    /** A yes/no field; {@code absent} when the file predates it (so older files load as they were written). */
    static boolean flag(Map<String, Object> m, String key, boolean absent) {
        Object v = m.get(key);
        if (v == null) return absent;
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException("field '" + key + "' is not true/false");
        return b;
    }
}
