package io.genai4j.llm.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Decodes under a grammar with no model at all: every step draws uniformly among the allowed
 * tokens (the worst case of a model that would write anything), taking forced continuations whole.
 * It drives the benchmark's mask timings and the validity checks over a schema set.
 */
public final class RandomDecoding {
    private RandomDecoding() {}

    /**
     * @param text        the bytes of the accepted tokens as text
     * @param complete    true when the grammar was finished (complete, or end-of-generation drawn)
     * @param maskNanos   the wall time of each mask computation ({@link GrammarMatcher#allowed}), in order
     * @param maskCpuNanos the same in CPU time of the thread (what other processes on a busy machine do not inflate)
     * @param forced      tokens appended by fast-forward
     */
    public record Result(String text, int tokens, boolean complete, long[] maskNanos, long[] maskCpuNanos, int forced) {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static Result run(GrammarMatcher m, SplittableRandom random, int maxTokens) {
        GrammarConstraint c = m.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] times = new long[maxTokens], cpu = new long[maxTokens];
        int masks = 0, tokens = 0, forced = 0;
        boolean complete = false;
        while (tokens < maxTokens) {
            if (c.complete()) {
                complete = true;
                break;
            }
            int[] f = c.forced();
            if (f.length > 0) {
                for (int id : f) {
                    c.accept(id);
                    out.writeBytes(m.trie().bytes(id));
                }
                tokens += f.length;
                forced += f.length;
                continue;
            }
            long c0 = THREADS.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            long[] allowed = c.allowed();
            times[masks] = System.nanoTime() - t0;
            cpu[masks++] = THREADS.getCurrentThreadCpuTime() - c0;
            int id = pick(allowed, random);
            if (m.trie().isEndOfGeneration(id)) {
                complete = true;
                break;
            }
            c.accept(id);
            out.writeBytes(m.trie().bytes(id));
            tokens++;
        }
        return new Result(out.toString(StandardCharsets.UTF_8), tokens, complete, Arrays.copyOf(times, masks), Arrays.copyOf(cpu, masks), forced);
    }

    /** A uniformly drawn set bit. */
    static int pick(long[] bits, SplittableRandom random) {
        int count = 0;
        for (long w : bits) count += Long.bitCount(w);
        if (count == 0) throw new IllegalStateException("no token is allowed");
        int k = random.nextInt(count);
        for (int w = 0; w < bits.length; w++) {
            int c = Long.bitCount(bits[w]);
            if (k < c) {
                long x = bits[w];
                for (int i = 0; i < k; i++) x &= x - 1;
                return w * 64 + Long.numberOfTrailingZeros(x);
            }
            k -= c;
        }
        throw new IllegalStateException("unreachable");
    }
}
