package io.genai4j.engine.optim;

import io.genai4j.engine.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum (PyTorch semantics, no dampening):
 * g ← g + λ·p;  b ← μ·b + g;  p ← p − lr·b  (Nesterov: p ← p − lr·(g + μ·b)).
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final Map<Tensor, float[]> buffers = new IdentityHashMap<>();

    public Sgd(List<ParamGroup> groups, double lr, double momentum, boolean nesterov) {
        super(groups, lr);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    public void step() {
        for (ParamGroup group : groups) {
            for (Tensor p : group.params()) {
                Tensor gt = p.grad();
                if (gt == null) continue;
                float[] w = p.data(), g = gt.toArray();
                int off = p.offset();
                float wd = (float) group.weightDecay(), mu = (float) momentum, rate = (float) lr;
                float[] b = momentum != 0 ? buffers.get(p) : null;
                boolean first = momentum != 0 && b == null;
                if (first) {
                    b = new float[g.length];
                    buffers.put(p, b);
                }
                for (int i = 0; i < g.length; i++) {
                    float d = g[i] + wd * w[off + i];
                    if (b != null) {
                        b[i] = first ? d : mu * b[i] + d;
                        d = nesterov ? d + mu * b[i] : b[i];
                    }
                    w[off + i] -= rate * d;
                }
            }
        }
    }
}
