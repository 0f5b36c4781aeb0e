package io.genai4j.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escapesTerminalControls() {
        assertEquals("\\x1b[31mred\\x1b[0m", Printable.of("\u001b[31mred\u001b[0m"));
        assertEquals("a\\nb\\tc\\r\\x07\\x7f", Printable.of("a\nb\tc\r\u0007\u007f"));
        assertEquals("\\u202eevil\\u0085", Printable.of("\u202eevil\u0085"));
        assertEquals("héllo 世界 🙂", Printable.of("héllo 世界 🙂"));
        assertEquals("null", Printable.of(null));
    }

    @Test
    void cutsLongValuesAndSaysHowMuchWasLeftOut() {
        String s = Printable.of("x".repeat(14_000));
        assertTrue(s.length() < 200, s);
        assertTrue(s.endsWith("…(13880 more chars)"), s);
        assertEquals("abc…(2 more chars)", Printable.of("abcde", 3));
    }
}
