package io.genai4j.engine.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A crash-consistency test hook: the atomic writers call {@link #reached} at every step of a write
 * (temporary file created, content written, renamed, checkpoint committed, ...). When the JVM runs
 * with {@code -Dgenai4j.test.pauseAtWrite=N -Dgenai4j.test.pauseMarker=FILE}, the N-th step writes
 * FILE and the writing thread stops there, so a test can {@code kill -9} the process at exactly that
 * point. Without those properties a call is one comparison.
 */
public final class WriteStages {
    private static final long PAUSE_AT = Long.getLong("genai4j.test.pauseAtWrite", 0L);
    private static final AtomicLong REACHED = new AtomicLong();

    private WriteStages() {}

    public static void reached(String stage) {
        if (PAUSE_AT <= 0) return;
        long n = REACHED.incrementAndGet();
        if (n != PAUSE_AT) return;
        String marker = System.getProperty("genai4j.test.pauseMarker");
        try {
            if (marker != null) Files.writeString(Path.of(marker), n + " " + stage + "\n", StandardCharsets.UTF_8);
            while (true) Thread.sleep(60_000);   // until the test kills the process
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("write-stage test hook failed at " + stage, e);
        }
    }
}
