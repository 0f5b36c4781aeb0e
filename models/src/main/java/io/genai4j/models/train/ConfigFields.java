package io.genai4j.models.train;

import io.genai4j.engine.util.Printable;
import java.util.Map;

/**
 * Fields of a model file's config map (the JSON in a checkpoint's metadata, see {@link CheckpointFile}):
 * a missing or wrongly typed field is an error naming the field and the value found. One reader for
 * the vision, captioner, VAE/GAN and diffusion configs.
 */
public final class ConfigFields {
    private ConfigFields() {}

    public static int num(Map<String, Object> m, String key) {
        return (int) dbl(m, key);
    }

    public static double dbl(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException("field '" + key + "' is missing or not a number (" + Printable.of(String.valueOf(m.get(key))) + ")");
        return n.doubleValue();
    }

    /** A yes/no field; {@code absent} when the file predates it (so older files load as they were written). */
    public static boolean flag(Map<String, Object> m, String key, boolean absent) {
        Object v = m.get(key);
        if (v == null) return absent;
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException("field '" + key + "' is not true/false");
        return b;
    }
}
