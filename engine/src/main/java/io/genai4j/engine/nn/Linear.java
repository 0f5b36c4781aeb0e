package io.genai4j.engine.nn;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import java.util.Arrays;

/**
 * y = x·Wᵀ + b, with W stored [out, in] as in PyTorch and Hugging Face checkpoints. Wᵀ is a view
 * that reaches the GEMM as a transpose flag, so no copy is made. Initialised like PyTorch:
 * W, b ~ U(±1/√in).
 */
public final class Linear extends Module implements Layer {
    public final Tensor weight;
    public final Tensor bias;   // null without bias
    private LoraLinear adapter;  // a low-rank side path added to the output (attached by LoraLinear), or null

    public Linear(int in, int out, boolean bias, Rng rng) {
        this.weight = param("weight", Init.kaimingUniform(Tensor.zeros(out, in), Math.sqrt(5), rng));
        double bound = 1 / Math.sqrt(in);
        this.bias = bias ? param("bias", Init.uniform(Tensor.zeros(out), -bound, bound, rng)) : null;
    }

    private Linear(Tensor weight, Tensor bias) {
        this.weight = buffer("weight", weight);
        this.bias = bias == null ? null : buffer("bias", bias);
    }

    /**
     * A layer over weights loaded from a model file, kept in their storage format (memory-mapped,
     * F16 or quantized: the matmul decodes them on the fly). They are frozen buffers, not
     * parameters; the input still gets its gradient, which is what adapters such as LoRA need.
     */
    public static Linear frozen(Tensor weight, Tensor bias) {
        if (weight.dim() != 2) throw new IllegalArgumentException("a Linear weight must be [out, in], got " + Arrays.toString(weight.shape()));
        if (bias != null && bias.numel() != weight.size(0)) {
            throw new IllegalArgumentException("bias of " + bias.numel() + " for a Linear with " + weight.size(0) + " outputs");
        }
        return new Linear(weight, bias == null ? null : bias.to(DType.F32));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x.matmul(weight.mT());
        if (bias != null) y = y.add(bias);
        return adapter == null || adapter.isMerged() ? y : y.add(adapter.delta(x));
    }

    /** The LoRA adapter wrapped around this layer, or null. */
    public LoraLinear adapter() {
        return adapter;
    }

    /** Called by {@link LoraLinear} only: one adapter at a time, so a second one is a bug of the caller. */
    void setAdapter(LoraLinear a) {
        if (a != null && adapter != null) throw new IllegalStateException("this Linear already has a LoRA adapter");
        adapter = a;
    }

    public int inFeatures() {
        return weight.size(1);
    }

    public int outFeatures() {
        return weight.size(0);
    }
}
