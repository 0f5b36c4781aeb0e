package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.Recurrence;

/**
 * One step of a gated recurrent unit (Cho et al. 2014), with PyTorch's gate order and parameter
 * layout (weight_ih [3H, I] and weight_hh [3H, H] stacking the r, z, n rows; see {@link RecurrentCell}):
 * <pre>
 *   r = σ(W_ir·x + b_ir + W_hr·h + b_hr)          reset gate
 *   z = σ(W_iz·x + b_iz + W_hz·h + b_hz)          update gate
 *   n = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn))  candidate
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 */
public final class GRUCell extends RecurrentCell {

    public GRUCell(int input, int hidden, Rng rng) {
        super(3, input, hidden, rng);
    }

    /** x [B, I], h [B, H] → h' [B, H]. */
    public Tensor forward(Tensor x, Tensor h) {
        return step(x.matmul(weightIh.mT()).add(biasIh), h, weightHh, biasHh, hiddenSize());
    }

    /**
     * The recurrence given the input projection gi = W_ih·x + b_ih [B, 3H] (computed for all steps
     * at once by {@link GRU}); the hidden projection is the only product left inside the loop.
     */
    static Tensor step(Tensor gi, Tensor h, Tensor weightHh, Tensor biasHh, int hidden) {
        Tensor gh = h.matmul(weightHh.mT()).add(biasHh);
        return Recurrence.gru(gi, gh, h);   // r, z, n and h' above as one fused op
    }
}
