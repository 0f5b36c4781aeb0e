package io.genai4j.llm.hub;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for a response body. The JDK's HttpClient times out the connection and the
 * headers, but a body that stops arriving blocks read() forever. This stream closes itself when a
 * read waits longer than the timeout (closing a response body wakes the blocked read), and then
 * reports the stall as a {@link StalledException} instead of the JDK's "closed" error.
 */
final class StallGuard extends FilterInputStream {
    /** Thrown by read() when no byte arrived for the timeout. */
    static final class StalledException extends IOException {
        StalledException(Duration timeout) {
            super("no data for " + (timeout.toMillis() % 1000 == 0 ? String.valueOf(timeout.toSeconds())
                    : String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0)) + " s");
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "genai4j-download-timeout");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final ScheduledFuture<?> watch;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean reading;
    private volatile boolean stalled;

    StallGuard(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
        long period = Math.max(10, timeout.toMillis() / 4);
        this.watch = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (reading && System.nanoTime() - lastProgress > timeout.toNanos()) {
            stalled = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // The read it wakes reports the stall.
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (stalled) throw new StalledException(timeout);
        lastProgress = System.nanoTime();
        reading = true;
        try {
            int n = in.read(b, off, len);
            if (stalled) throw new StalledException(timeout);
            return n;
        } catch (IOException e) {
            if (stalled) throw new StalledException(timeout);
            throw e;
        } finally {
            reading = false;
            lastProgress = System.nanoTime();
        }
    }

    @Override
    public void close() throws IOException {
        watch.cancel(false);
        super.close();
    }
}
