package io.genai4j.rag.eval;

import java.util.Arrays;

/** Durations of single queries, and their percentiles (nearest rank). */
public final class Latencies {
    private long[] nanos = new long[64];
    private int n;

    public void add(long durationNanos) {
        if (n == nanos.length) nanos = Arrays.copyOf(nanos, n * 2);
        nanos[n++] = durationNanos;
    }

    public int count() {
        return n;
    }

    /** The p-th percentile in milliseconds (nearest-rank: the smallest value with at least p% at or below it). */
    public double percentileMillis(double p) {
        if (n == 0) return Double.NaN;
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100 * n);
        return s[Math.max(0, rank - 1)] / 1e6;
    }
}
