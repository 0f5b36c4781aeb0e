package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/** Inverted dropout while training; the identity in eval mode. */
public final class Dropout extends Module implements Layer {
    private final float p;
    private final Rng rng;

    public Dropout(float p, Rng rng) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x) {
        return isTraining() && p > 0f ? F.dropout(x, p, rng) : x;
    }
}
