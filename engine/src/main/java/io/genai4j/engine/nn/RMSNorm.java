package io.genai4j.engine.nn;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/** RMS norm over the last dimension (Llama, Qwen): x/√(mean(x²) + ε) ⊙ γ. */
public final class RMSNorm extends Module implements Layer {
    public final Tensor weight;
    private final float eps;

    public RMSNorm(int dim, float eps) {
        this.weight = param("weight", Tensor.ones(dim));
        this.eps = eps;
    }

    private RMSNorm(Tensor weight, float eps) {
        this.weight = buffer("weight", weight.to(DType.F32));
        this.eps = eps;
    }

    /** A norm with a weight loaded from a model file (frozen, converted to F32). */
    public static RMSNorm frozen(Tensor weight, float eps) {
        return new RMSNorm(weight, eps);
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.rmsNorm(x, weight, eps);
    }
}
