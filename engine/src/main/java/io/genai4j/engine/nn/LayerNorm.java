package io.genai4j.engine.nn;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/** Layer norm over the last dimension with learned scale γ (ones) and optional shift β (zeros). */
public final class LayerNorm extends Module implements Layer {
    public final Tensor weight;
    public final Tensor bias;
    private final float eps;

    public LayerNorm(int dim) {
        this(dim, 1e-5f, true);
    }

    public LayerNorm(int dim, float eps, boolean bias) {
        this.weight = param("weight", Tensor.ones(dim));
        this.bias = bias ? param("bias", Tensor.zeros(dim)) : null;
        this.eps = eps;
    }

    private LayerNorm(Tensor weight, Tensor bias, float eps) {
        this.weight = buffer("weight", weight.to(DType.F32));
        this.bias = bias == null ? null : buffer("bias", bias.to(DType.F32));
        this.eps = eps;
    }

    /** A norm with weights loaded from a model file (frozen, converted to F32); bias may be null. */
    public static LayerNorm frozen(Tensor weight, Tensor bias, float eps) {
        return new LayerNorm(weight, bias, eps);
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.layerNorm(x, weight, bias, eps);
    }
}
