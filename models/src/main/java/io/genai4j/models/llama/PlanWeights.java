package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.quant.WeightMatrix;

/**
 * How a module's weights enter a {@link io.genai4j.engine.infer.DecoderPlan}: matrices as views of
 * the same storage (no copy), norm weights and biases as F32 arrays (small, copied once).
 */
final class PlanWeights {
    private PlanWeights() {}

    static WeightMatrix matrix(Linear l) {
        return WeightMatrix.of(l.weight);
    }

    /** The vector as F32, or null when the module has none (an absent bias). */
    static float[] floats(Tensor v) {
        return v == null ? null : v.to(DType.F32).contiguous().toArray();
    }
}
