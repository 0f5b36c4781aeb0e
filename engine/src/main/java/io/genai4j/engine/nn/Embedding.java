package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/** A lookup table: token id → row of weight [vocab, dim]. Initialised N(0, 1) as in PyTorch. */
public final class Embedding extends Module {
    public final Tensor weight;

    public Embedding(int vocab, int dim, Rng rng) {
        this.weight = param("weight", Init.normal(Tensor.zeros(vocab, dim), 0, 1, rng));
    }

    /** Rows for ids laid out in the given shape (e.g. B, T); the result is shape + [dim]. */
    public Tensor forward(int[] ids, int... shape) {
        return F.embedding(weight, ids, shape);
    }
}
