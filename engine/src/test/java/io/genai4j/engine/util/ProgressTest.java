package io.genai4j.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void durations() {
        assertEquals("5s", Progress.duration(4.6));
        assertEquals("1m15s", Progress.duration(75));
        assertEquals("1h01m", Progress.duration(3700));
    }

    @Test
    void plainLinesWhenNotATerminal() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = new Progress("train", 4, new PrintStream(buf, true, StandardCharsets.UTF_8), false).rate("tok", 100)) {
            for (int i = 0; i < 4; i++) p.step("loss 1.50");
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("train  1/4   25%  loss 1.50"), s);
        assertTrue(s.contains("4/4  100%"), s);
        assertTrue(!s.contains("\r"), "no carriage returns in logs");
    }

    @Test
    void anUnknownTotalShowsTheCountAndRateButNoFraction() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = new Progress("model.gguf", -1, new PrintStream(buf, true, StandardCharsets.UTF_8), false).rate("MB", 1e-6)) {
            p.update(16102, "");
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("model.gguf  16102  "), s);
        assertTrue(!s.contains("/1 ") && !s.contains("%") && !s.contains("ETA"), s);
    }
}
