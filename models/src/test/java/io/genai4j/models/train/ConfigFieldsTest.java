package io.genai4j.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFieldsTest {
    @Test
    void readsNumbersAndFlagsAndNamesTheFieldAndValueItRefuses() {
        Map<String, Object> m = Map.of("dim", 64L, "scale", 0.5, "attention", false, "depth", "two");
        assertEquals(64, ConfigFields.num(m, "dim"));
        assertEquals(0.5, ConfigFields.dbl(m, "scale"));
        assertFalse(ConfigFields.flag(m, "attention", true));
        assertTrue(ConfigFields.flag(m, "absent", true), "a file that predates the field");
        assertEquals("field 'depth' is missing or not a number (two)", assertThrows(IllegalArgumentException.class, () -> ConfigFields.num(m, "depth")).getMessage());
        assertEquals("field 'heads' is missing or not a number (null)", assertThrows(IllegalArgumentException.class, () -> ConfigFields.num(m, "heads")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigFields.flag(m, "dim", false));
    }
}
