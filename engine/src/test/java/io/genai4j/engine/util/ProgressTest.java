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

    /** A clock the test moves by hand, in seconds (starting at 100 s so the first update is drawn). */
    private static final class FakeClock implements java.util.function.LongSupplier {
        double seconds = 100;

        @Override
        public long getAsLong() {
            return (long) (seconds * 1e9);
        }
    }

    private static String lastLine(ByteArrayOutputStream buf) {
        String[] lines = buf.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aSlowFirstStepDoesNotMakeTheEtaHours() {
        // 2000 steps of 0.1 s after a first step of 30 s (setup): the old estimate said 16h38m.
        FakeClock clock = new FakeClock();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress("train", 2000, new PrintStream(buf, true, StandardCharsets.UTF_8), false, clock);
        clock.seconds += 30;
        p.update(1, "");
        assertEquals("train  1/2000    0%  ETA …", lastLine(buf), "no guess from one step");
        for (int i = 2; i <= 60; i++) {
            clock.seconds += 0.1;
            p.update(i, "");
        }
        // The next plain line comes 5 s after the first: ~1950 steps left at 10 steps/s.
        assertTrue(lastLine(buf).matches("train  5\\d/2000    3%  10.00 it/s  ETA 3m1\\ds"), lastLine(buf));
    }

    @Test
    void anUpdateRightAfterTheStartShowsNoRate() {
        // 64 sentences encoded 16 µs after the start: the old line said "4.0M sentences/s".
        FakeClock clock = new FakeClock();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress("encode", 6400, new PrintStream(buf, true, StandardCharsets.UTF_8), false, clock).rate("sentences", 1);
        clock.seconds += 16e-6;
        p.advance(64);
        assertEquals("encode  64/6400    1%  ETA …", lastLine(buf));
        clock.seconds += 6;
        p.advance(64 * 30);
        assertEquals("encode  1984/6400   31%  320 sentences/s  ETA 14s", lastLine(buf));
        clock.seconds += 2;
        p.update(6400, "");
        assertEquals("encode  6400/6400  100%  800 sentences/s  8s", lastLine(buf), "the final line: the whole job's average and time");
    }
}
