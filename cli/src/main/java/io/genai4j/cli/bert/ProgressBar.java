package io.genai4j.cli.bert;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr with count, rate and ETA, redrawn at most 10 times a second:
 * {@code encode  [=========>          ]  4,096/8,000  412.3/s  ETA 9s}.
 */
public final class ProgressBar implements AutoCloseable {
    private final PrintStream err;
    private final String label, unit;
    private final long total;
    private final long start = System.nanoTime();
    private long done, lastDraw;

    public ProgressBar(String label, long total, String unit) {
        this.err = System.err;
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    public synchronized void step(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastDraw > 100_000_000L || done >= total) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double secs = (now - start) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        int width = 24, fill = total > 0 ? (int) Math.min(width, width * done / total) : 0;
        String bar = "=".repeat(fill) + (fill < width ? ">" + " ".repeat(width - fill - 1) : "");
        String eta = rate > 0 && done < total ? String.format(Locale.ROOT, "ETA %s", time((total - done) / rate)) : String.format(Locale.ROOT, "%s", time(secs));
        err.printf(Locale.ROOT, "\r%-8s [%s] %,d/%,d %s  %.1f/s  %s   ", label, bar, done, total, unit, rate, eta);
        err.flush();
    }

    private static String time(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0fs", s);
        return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }

    @Override
    public synchronized void close() {
        draw(System.nanoTime());
        err.println();
    }
}
