package io.genai4j.engine.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long work, on stderr so stdout stays clean for results and --json:
 * <pre>  train  [██████████░░░░░░░░░░]  1000/2000  50%  loss 1.92  12.3k tok/s  ETA 1m05s</pre>
 * On a terminal it redraws one line (at most 10 times a second); when stderr is a file or a pipe
 * it prints a plain line every few seconds instead, so logs stay readable.
 */
public final class Progress implements AutoCloseable {
    private final String label;
    private final long total;   // -1: unknown (a download without a length): no bar, percentage or ETA
    private final PrintStream out;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long done;
    private boolean drawnFinal;
    private String status = "";
    private String rateUnit = "it";
    private double rateScale = 1;

    public Progress(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    /** A negative total means unknown (a download without a length): the count and the rate only. */
    public Progress(String label, long total, PrintStream out, boolean interactive) {
        this.label = label;
        this.total = Math.max(total, -1);
        this.out = out;
        this.interactive = interactive;
    }

    /** Reports the rate as (steps × scale) per second in the given unit, e.g. tokens per step. */
    public Progress rate(String unit, double unitsPerStep) {
        this.rateUnit = unit;
        this.rateScale = unitsPerStep;
        return this;
    }

    /** Sets the number of steps done and a short status (e.g. "loss 1.92"), redrawing if due. */
    public synchronized void update(long done, String status) {
        this.done = done;
        this.status = status == null ? "" : status;
        long now = System.nanoTime();
        long interval = interactive ? 100_000_000L : 5_000_000_000L;
        boolean finished = total >= 0 && done >= total;
        if (now - lastDraw >= interval || (finished && !drawnFinal)) {
            lastDraw = now;
            drawnFinal = finished;
            draw(false);
        }
    }

    public void step(String status) {
        update(done + 1, status);
    }

    /** Adds n steps (safe to call from several threads). */
    public synchronized void advance(long n) {
        update(done + n, status);
    }

    private void draw(boolean last) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double frac = total == 0 ? 1 : Math.min(1, (double) done / total);
        double rate = seconds > 0 ? done * rateScale / seconds : 0;
        String eta = done > 0 && done < total ? "ETA " + duration(seconds / done * (total - done)) : duration(seconds);
        StringBuilder sb = new StringBuilder();
        sb.append(label).append("  ");
        if (interactive && total >= 0) {
            int width = 20, filled = (int) Math.round(frac * width);
            sb.append('[').append("█".repeat(filled)).append("░".repeat(width - filled)).append("]  ");
        }
        if (total < 0) sb.append(done);   // unknown total: no fraction to show
        else sb.append(done).append('/').append(total).append(String.format(Locale.ROOT, "  %3.0f%%", frac * 100));
        if (!status.isEmpty()) sb.append("  ").append(status);
        sb.append("  ").append(human(rate)).append(' ').append(rateUnit).append("/s  ").append(eta);
        if (interactive) {
            out.print("\r" + sb + "\u001b[K");
            if (last) out.println();
        } else {
            out.println(sb);
        }
        out.flush();
    }

    /** Draws the final state (unless already shown) and ends the line. */
    @Override
    public synchronized void close() {
        if (!drawnFinal || interactive) draw(true);
    }

    static String human(double v) {
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e4) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** 75 → "1m15s", 3700 → "1h01m". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
