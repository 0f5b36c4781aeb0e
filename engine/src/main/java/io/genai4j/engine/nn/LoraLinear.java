package io.genai4j.engine.nn;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;

/**
 * LoRA (Hu et al., 2021) around a frozen {@link Linear}: the layer learns a low-rank update of its
 * weight instead of the weight itself,
 * <pre>
 *   y = x·Wᵀ + b + s · dropout(x)·Aᵀ·Bᵀ        A [r, in], B [out, r],  s = α/r  (rsLoRA: α/√r)
 * </pre>
 * as PEFT builds it: {@code lora_A} and {@code lora_B} are Linear layers without bias, A initialised
 * like a PyTorch Linear (Kaiming-uniform, a = √5) and B zero, so training starts from the base model
 * exactly. The base weight stays in its storage format (F32, half or quantized, memory-mapped): its
 * product is decoded on the fly forward and backward, and only the input gets a gradient through it
 * (QLoRA). Wrapping attaches the adapter to the base layer, so the model's forward pass takes the side
 * path without the model knowing; {@link #detach} takes it away. Parameter names are PEFT's
 * ({@code lora_A.weight}, {@code lora_B.weight}); the base layer is not a child, so the adapter's
 * state dict holds the adapter only.
 */
public final class LoraLinear extends Module implements Layer {
    public final Linear base;
    public final Linear loraA, loraB;
    private final Dropout dropout;
    private final int rank;
    private final float scale;
    private boolean merged;

    /** PEFT's scaling: α/r, or α/√r with rank-stabilised LoRA (Kalajdzievski, 2023). */
    public static float scaling(float alpha, int rank, boolean rsLora) {
        return (float) (rsLora ? alpha / Math.sqrt(rank) : alpha / rank);
    }

    /** Wraps base with a new adapter of rank r and the given scale, and attaches it. */
    public LoraLinear(Linear base, int rank, float scale, float dropout, Rng rng) {
        if (rank < 1) throw new IllegalArgumentException("LoRA rank must be at least 1, got " + rank);
        this.base = base;
        this.rank = rank;
        this.scale = scale;
        this.loraA = add("lora_A", new Linear(base.inFeatures(), rank, false, rng));
        this.loraB = add("lora_B", new Linear(rank, base.outFeatures(), false, rng));
        Init.constant(loraB.weight, 0f);
        this.dropout = add("lora_dropout", new Dropout(dropout, rng));
        base.setAdapter(this);
    }

    /** The base layer's output with the side path: what the model computes once wrapped. */
    @Override
    public Tensor forward(Tensor x) {
        return base.forward(x);
    }

    /** The side path alone: s · dropout(x)·Aᵀ·Bᵀ. */
    public Tensor delta(Tensor x) {
        return loraB.forward(loraA.forward(dropout.forward(x))).mul(scale);
    }

    /** Removes the side path from the base layer (the base weight is unmerged first if needed). */
    public void detach() {
        if (merged) unmerge();
        base.setAdapter(null);
    }

    public int rank() {
        return rank;
    }

    public float scale() {
        return scale;
    }

    public boolean isMerged() {
        return merged;
    }

    /** s·B·A [out, in]: the update this adapter makes to the base weight. */
    public Tensor deltaWeight() {
        try (Grad g = Grad.off()) {
            return loraB.weight.matmul(loraA.weight).mul(scale).contiguous();
        }
    }

    /** W + s·B·A as a new F32 tensor, for any base dtype (merged exports of quantized bases). */
    public Tensor mergedWeight() {
        try (Grad g = Grad.off()) {
            Tensor w = base.weight.to(DType.F32);
            return merged ? Tensor.of(w.toArray(), w.shape()) : w.add(deltaWeight()).contiguous();
        }
    }

    /** W ← W + s·B·A in place; the side path is then skipped. Only an F32 heap base weight can be changed in place. */
    public void merge() {
        if (merged) return;
        addToBase(1f);
        merged = true;
    }

    /** W ← W − s·B·A: the base weight as it was (up to float rounding). */
    public void unmerge() {
        if (!merged) return;
        addToBase(-1f);
        merged = false;
    }

    private void addToBase(float sign) {
        Tensor w = base.weight;
        if (!(w.storage() instanceof Storage.F32) || !w.isContiguous()) {
            String what = w.storage() instanceof Storage.Segment ? "a memory-mapped " + w.dtype() : w.dtype().toString();
            throw new IllegalStateException("LoRA can only merge in place into a contiguous F32 weight on the heap, not " + what
                    + " weight (use mergedWeight() for an export)");
        }
        float[] d = deltaWeight().toArray(), wd = w.data();
        int off = w.offset();
        for (int i = 0; i < d.length; i++) wd[off + i] += sign * d[i];
    }
}
