package io.genai4j.models.transformer;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;

/** §3.3: FFN(x) = max(0, x·W_1 + b_1)·W_2 + b_2, the same two layers at every position (d_model → d_ff → d_model). */
public final class PositionwiseFeedForward extends Module {
    public final Linear w1, w2;
    private final Dropout dropout;

    public PositionwiseFeedForward(int dModel, int dFf, float dropout, Rng rng) {
        w1 = add("w_1", new Linear(dModel, dFf, true, rng));
        w2 = add("w_2", new Linear(dFf, dModel, true, rng));
        this.dropout = add("dropout", new Dropout(dropout, rng));
    }

    public Tensor forward(Tensor x) {
        return dropout.forward(w2.forward(w1.forward(x).relu()));
    }
}
