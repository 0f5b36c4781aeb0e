package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * y = x·Wᵀ + b, with W stored [out, in] as in PyTorch and Hugging Face checkpoints. Wᵀ is a view
 * that reaches the GEMM as a transpose flag, so no copy is made. Initialised like PyTorch:
 * W, b ~ U(±1/√in).
 */
public final class Linear extends Module implements Layer {
    public final Tensor weight;
    public final Tensor bias;   // null without bias

    public Linear(int in, int out, boolean bias, Rng rng) {
        this.weight = param("weight", Init.kaimingUniform(Tensor.zeros(out, in), Math.sqrt(5), rng));
        double bound = 1 / Math.sqrt(in);
        this.bias = bias ? param("bias", Init.uniform(Tensor.zeros(out), -bound, bound, rng)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x.matmul(weight.mT());
        return bias == null ? y : y.add(bias);
    }

    public int inFeatures() {
        return weight.size(1);
    }

    public int outFeatures() {
        return weight.size(0);
    }
}
