package io.genai4j.bench;

import io.genai4j.engine.kernels.Parallel;
import java.util.Arrays;

/**
 * A STREAM-like measurement of the memory bandwidth the engine's threads can draw: copy (b = a) and
 * triad (a = b + s·c) over float arrays much larger than the last-level cache, split across the
 * engine's own pool as the kernels are. Bytes count as in McCalpin's STREAM: two arrays for copy,
 * three for triad (write-allocate traffic not counted), and the best of the repeats is reported.
 * This is the physical limit of token generation, whose matrix-vector products read every weight
 * once per token.
 */
final class MemoryBandwidth {
    /** Fewest elements a thread takes at once. */
    private static final int GRAIN = 1 << 16;

    /** GB/s (10^9 bytes) of copy and triad at a thread count. */
    record Result(int threads, double copyGBs, double triadGBs) {}

    private final float[] a, b, c;

    /** Arrays of n floats each (3·4·n bytes in all). */
    MemoryBandwidth(int n) {
        a = new float[n];
        b = new float[n];
        c = new float[n];
        Arrays.fill(a, 1f);
        Arrays.fill(b, 2f);
        Arrays.fill(c, 0.5f);
    }

    /** Measures at the engine's current thread count: one untimed pass of each, then the best of repeats. */
    Result measure(int repeats) {
        int n = a.length;
        Parallel.RangeBody copy = (lo, hi) -> System.arraycopy(a, lo, b, lo, hi - lo);
        Parallel.RangeBody triad = (lo, hi) -> {
            for (int i = lo; i < hi; i++) a[i] = b[i] + 3f * c[i];
        };
        double copyBest = Double.MAX_VALUE, triadBest = Double.MAX_VALUE;
        for (int r = 0; r <= repeats; r++) {
            long t0 = System.nanoTime();
            Parallel.forRange(n, GRAIN, copy);
            long t1 = System.nanoTime();
            Parallel.forRange(n, GRAIN, triad);
            long t2 = System.nanoTime();
            if (r == 0) continue;   // the first pass faults the pages in and warms the JIT
            copyBest = Math.min(copyBest, t1 - t0);
            triadBest = Math.min(triadBest, t2 - t1);
        }
        double bytes = 4.0 * n;
        return new Result(Parallel.threads(), 2 * bytes / copyBest, 3 * bytes / triadBest);
    }
}
