package io.genai4j.llm.lora;

import io.genai4j.engine.Tensor;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.RopeStyle;

/**
 * The row order of Wq and Wk in a Llama model. Hugging Face stores each head's rows for rotate_half
 * RoPE; llama.cpp's converter permutes them to adjacent pairs ({@link GgufModelWriter#permuteRotary}),
 * and a model read from GGUF keeps that order. B [out, r] of an adapter on q_proj or k_proj has the
 * rows of the weight it updates, so it moves with them (convert_lora_to_gguf.py permutes B, never A).
 * Portable adapters ({@link LoraWeights}, PEFT) are in Hugging Face's order; GGUF adapters in llama.cpp's.
 *
 * @param heads   query heads, or 0 when no permutation applies (Qwen, GPT)
 * @param kvHeads key/value heads
 */
public record RotaryRows(int heads, int kvHeads) {
    public static final RotaryRows NONE = new RotaryRows(0, 0);

    /** The permutation a Llama's Q/K rows take between the two layouts; none for other architectures. */
    public static RotaryRows of(LlamaConfig c) {
        return c != null && c.arch() == Arch.LLAMA ? new RotaryRows(c.heads(), c.kvHeads()) : NONE;
    }

    /** Whether the model's own Q/K rows are in llama.cpp's order (read from GGUF). */
    public static boolean ggufOrder(LlamaConfig c) {
        return c != null && c.arch() == Arch.LLAMA && c.ropeStyle() == RopeStyle.NORM;
    }

    /** B of the layer, Hugging Face order → llama.cpp order. */
    public Tensor toGguf(String layer, Tensor b) {
        int h = headsOf(layer);
        return h == 0 ? b : Tensor.of(GgufModelWriter.permuteRotary(b.contiguous().toArray(), h, b.size(0), b.size(1)), b.shape());
    }

    /** B of the layer, llama.cpp order → Hugging Face order (the inverse of {@link #toGguf}). */
    public Tensor toHf(String layer, Tensor b) {
        int h = headsOf(layer);
        return h == 0 ? b : Tensor.of(unpermute(b.contiguous().toArray(), h, b.size(0), b.size(1)), b.shape());
    }

    private int headsOf(String layer) {
        if (heads == 0) return 0;
        if (layer.endsWith("q_proj")) return heads;
        if (layer.endsWith("k_proj")) return kvHeads;
        return 0;
    }

    /** Row 2j + s of each head of d rows goes back to row s·d/2 + j. */
    static float[] unpermute(float[] w, int heads, int rows, int cols) {
        if (rows % heads != 0 || (rows / heads) % 2 != 0) throw new IllegalArgumentException(rows + " rows do not split into " + heads + " heads of even size");
        int d = rows / heads, half = d / 2;
        float[] out = new float[w.length];
        for (int h = 0; h < heads; h++) {
            for (int j = 0; j < half; j++) {
                for (int s = 0; s < 2; s++) System.arraycopy(w, (h * d + 2 * j + s) * cols, out, (h * d + s * half + j) * cols, cols);
            }
        }
        return out;
    }
}
