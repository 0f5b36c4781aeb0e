package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import java.util.Arrays;

/** A lookup table: token id → row of weight [vocab, dim]. Initialised N(0, 1) as in PyTorch. */
public final class Embedding extends Module {
    public final Tensor weight;

    public Embedding(int vocab, int dim, Rng rng) {
        this.weight = param("weight", Init.normal(Tensor.zeros(vocab, dim), 0, 1, rng));
    }

    private Embedding(Tensor weight) {
        this.weight = buffer("weight", weight);
    }

    /** A table loaded from a model file, kept in its storage format (lookups decode the rows asked for). */
    public static Embedding frozen(Tensor weight) {
        if (weight.dim() != 2) throw new IllegalArgumentException("an embedding table must be [vocab, dim], got " + Arrays.toString(weight.shape()));
        return new Embedding(weight);
    }

    /** Rows for ids laid out in the given shape (e.g. B, T); the result is shape + [dim]. */
    public Tensor forward(int[] ids, int... shape) {
        return F.embedding(weight, ids, shape);
    }
}
