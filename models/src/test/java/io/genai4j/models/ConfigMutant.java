package io.genai4j.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The config fuzz tests' mutation of a flat config.json: one key (drawn from {@code keys}, which may
 * name keys the file leaves out) set to one of the hostile {@code values}, or, for a null value half
 * the time, removed. {@code how} names it for the failure message.
 */
public record ConfigMutant(Map<String, Object> config, String how) {
    public static ConfigMutant of(Map<String, Object> config, List<String> keys, Object[] values, SplittableRandom rnd) {
        Map<String, Object> m = new LinkedHashMap<>(config);
        String key = keys.get(rnd.nextInt(keys.size()));
        Object value = values[rnd.nextInt(values.length)];
        if (value == null && rnd.nextBoolean()) m.remove(key);
        else m.put(key, value);
        return new ConfigMutant(m, key + " = " + value);
    }
}
