package io.genai4j.engine.optim;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.AdamWRows;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter), step for step as PyTorch's AdamW:
 * <pre>
 *   p ← p·(1 − lr·λ)
 *   m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
 *   p ← p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 */
public final class AdamW extends Optimizer {
    private final double beta1, beta2, eps;
    private final Map<Tensor, float[][]> state = new IdentityHashMap<>();
    private int t;

    public AdamW(List<ParamGroup> groups, double lr, double beta1, double beta2, double eps) {
        super(groups, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /** Number of steps taken. */
    public int steps() {
        return t;
    }

    /** First and second moments of a parameter (for checkpoints), or null before its first step. */
    public float[][] moments(Tensor p) {
        return state.get(p);
    }

    /** Restores moments and the step count (resuming from a checkpoint). */
    public void restore(Tensor p, float[] m, float[] v, int steps) {
        state.put(p, new float[][] {m, v});
        this.t = steps;
    }

    @Override
    public void step() {
        t++;
        float b1 = (float) beta1, b2 = (float) beta2;
        float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        float invSqrtBc2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        float e = (float) eps;
        for (ParamGroup group : groups) {
            float decay = (float) (1 - lr * group.weightDecay());
            for (Tensor p : group.params()) {
                Tensor gt = p.grad();
                if (gt == null) continue;
                Tensor gc = gt.contiguous();
                float[] w = p.data(), g = gc.data();
                int wo = p.offset(), go = gc.offset(), n = p.numel();
                float[][] mv = state.computeIfAbsent(p, k -> new float[][] {new float[n], new float[n]});
                float[] m = mv[0], v = mv[1];
                Parallel.forRange(n, 1 << 14, (lo, hi) ->
                        AdamWRows.update(w, wo, g, go, m, v, lo, hi, decay, b1, b2, stepSize, invSqrtBc2, e));
            }
        }
    }
}
