package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;
import java.util.Arrays;

/**
 * A decoder's two paths driven alike, for tests that compare them: its modules with a KV cache
 * (the reference) and a runtime session (the inference path).
 */
public final class PathsCompared {
    private PathsCompared() {}

    /** Tokens in, logits out, with a cache. */
    public interface Step {
        float[] run(int[] tokens, boolean allPositions);
    }

    /** A runtime session (fast) or the modules with a cache of their own. */
    public static Step stepper(CausalLm m, boolean fast, int capacity, DType kv) {
        if (fast) {
            Session session = m.newSession(capacity, kv);
            return session::forward;
        }
        KvCache cache = m.newCache(capacity, kv);
        return (tokens, all) -> m.forward(tokens, cache, all).toArray();
    }

    /** Logits of the prompt as one batch (all positions), then of three more tokens one at a time with the cache. */
    public static float[] run(CausalLm m, int[] ids, boolean fast, DType kv) {
        Step step = stepper(m, fast, 2, kv);
        float[] all = step.run(ids, true);
        for (int s = 0; s < 3; s++) {
            float[] b = step.run(new int[] {ids[s]}, false);
            float[] joined = Arrays.copyOf(all, all.length + b.length);
            System.arraycopy(b, 0, joined, all.length, b.length);
            all = joined;
        }
        return all;
    }

    /** Twelve greedy tokens after the prompt, one step at a time with the cache. */
    public static int[] greedy(CausalLm m, int[] prompt, boolean fast) {
        Step step = stepper(m, fast, prompt.length + 12, DType.F32);
        float[] logits = step.run(prompt, false);
        int[] out = new int[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = argmax(logits);
            logits = step.run(new int[] {out[i]}, false);
        }
        return out;
    }

    /** max |a − b| / max |a|. */
    public static float relDiff(float[] a, float[] b) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        float m = 0, s = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
            s = Math.max(s, Math.abs(a[i]));
        }
        return m / s;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
