package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config maps both ways: written in the record's order, read back with errors naming the file and the field. */
class JsonFieldsTest {
    @SuppressWarnings("unchecked")
    private static JsonFields parse(String json) {
        return new JsonFields((Map<String, Object>) Json.parse(json), "run/config.json");
    }

    @Test
    void writesInTheGivenOrderAndReadsBack() {
        Map<String, Object> m = JsonFields.ordered("z", 1, "a", 2.5, "m", true, "s", "gru");
        assertEquals(List.of("z", "a", "m", "s"), List.copyOf(m.keySet()));
        JsonFields f = parse(Json.toJson(m, Integer.MAX_VALUE));
        assertEquals(1, f.integer("z"));
        assertEquals(2.5, f.number("a"));
        assertTrue(f.bool("m"));
        assertEquals("gru", f.string("s"));
        assertThrows(IllegalArgumentException.class, () -> JsonFields.ordered("odd"));
    }

    @Test
    void aBadFieldIsOneLineNamingTheFileAndTheField() {
        JsonFields f = parse("{\"n\": 2.5, \"big\": 1e12, \"s\": 3, \"b\": \"yes\"}");
        assertEquals("run/config.json: missing field 'k'", assertThrows(IllegalArgumentException.class, () -> f.integer("k")).getMessage());
        assertEquals("run/config.json: field 'n' must be an integer, got 2.5", assertThrows(IllegalArgumentException.class, () -> f.integer("n")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.integer("big")).getMessage().contains("'big' must be an integer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.string("s")).getMessage().contains("'s' must be a string"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.bool("b")).getMessage().contains("'b' must be true or false"));
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> f.checked(() -> {
            throw new IllegalArgumentException("sizes must be positive");
        }));
        assertEquals("run/config.json: sizes must be positive", rejected.getMessage());
    }
}
