package io.genai4j.bench;

import io.genai4j.engine.kernels.Parallel;
import java.util.Arrays;

/**
 * A STREAM-like measurement of the memory bandwidth the engine's threads can draw: copy (b = a) and
 * triad (a = b + s·c) over float arrays much larger than the last-level cache, split across the
 * engine's own pool as the kernels are. Bytes count as in McCalpin's STREAM: two arrays for copy,
 * three for triad (write-allocate traffic not counted). Each pass is timed in slices of 4 MB per
 * array, and the best slice is reported: on a shared machine a whole pass of hundreds of MB is
 * rarely left uninterrupted, a slice of a millisecond often is, and every slice still comes from
 * memory because the arrays are several times the last-level cache.
 * This is the physical limit of token generation, whose matrix-vector products read every weight
 * once per token.
 */
final class MemoryBandwidth {
    /** Fewest elements a thread takes at once. */
    private static final int GRAIN = 1 << 16;
    /** Elements per timed slice. */
    private static final int SLICE = 1 << 20;

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

    /** Measures at the engine's current thread count: one untimed pass, then the best slice of repeats passes. */
    Result measure(int repeats) {
        int n = a.length;
        double copyBest = Double.MAX_VALUE, triadBest = Double.MAX_VALUE, sliceBytes = 0;
        for (int r = 0; r <= repeats; r++) {
            for (int s0 = 0; s0 < n; s0 += SLICE) {
                int from = s0, len = Math.min(SLICE, n - s0);
                long t0 = System.nanoTime();
                Parallel.forRange(len, GRAIN, (lo, hi) -> System.arraycopy(a, from + lo, b, from + lo, hi - lo));
                long t1 = System.nanoTime();
                Parallel.forRange(len, GRAIN, (lo, hi) -> {
                    for (int i = from + lo; i < from + hi; i++) a[i] = b[i] + 3f * c[i];
                });
                long t2 = System.nanoTime();
                if (r == 0 || len < SLICE && n >= SLICE) continue;   // the first pass faults the pages in and warms the JIT
                copyBest = Math.min(copyBest, t1 - t0);
                triadBest = Math.min(triadBest, t2 - t1);
                sliceBytes = 4.0 * len;
            }
        }
        return new Result(Parallel.threads(), 2 * sliceBytes / copyBest, 3 * sliceBytes / triadBest);
    }
}
