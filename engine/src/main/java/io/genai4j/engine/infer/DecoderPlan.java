package io.genai4j.engine.infer;

import io.genai4j.engine.quant.MatVec;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.List;

/**
 * What {@link DecoderRuntime} runs: a pre-norm decoder, described by its weights in the groups the
 * runtime multiplies at once. Two families share the shape and differ in a few parts ({@link Style}):
 * Llama/Qwen (RMSNorm, RoPE, grouped-query attention, a gated SwiGLU feed-forward) and GPT-2/nanoGPT
 * (LayerNorm with a shift, learned absolute positions, biases on every matrix, a GELU feed-forward).
 * A model builds its plan from its own module tree (the same weights, no copy of a matrix), so the
 * modules stay the reference and the plan is only a different way of running them.
 * <pre>
 *   x = embed[ids] (+ positions[p])
 *   per layer:  h = Norm(x);  [q|k|v] = h·[Wq|Wk|Wv]ᵀ (+b);  q, k ← (RMSNorm per head), RoPE;  cache ← k, v
 *               x += Attention(q, cache)·Woᵀ (+b)
 *               h = Norm(x);  x += (SiLU(h·Wgᵀ) ⊙ h·Wuᵀ)·Wdᵀ        SwiGLU
 *                         or  x += GELU(h·Wuᵀ + b)·Wdᵀ + b           GPT-2
 *   logits = Norm(x)·Wᵀ
 * </pre>
 *
 * @param contextLength the most positions a session's cache may hold
 * @param embed         token embedding rows [vocab, dim]
 * @param finalNorm     norm weights before the output projection
 * @param head          the output projection [vocab, dim] (the embedding's own matrix when tied)
 * @param style         the family's parts: which norm, which feed-forward, learned positions
 */
public record DecoderPlan(Dims dims, int contextLength, float normEps, RopeTable rope, WeightMatrix embed,
                          List<Layer> layers, float[] finalNorm, MatVec head, Style style) {

    /** Widths: model dim, query heads, key/value heads, head dim, feed-forward width, vocabulary. */
    public record Dims(int dim, int heads, int kvHeads, int headDim, int ffn, int vocab) {
        public int qDim() {
            return heads * headDim;
        }

        public int kvDim() {
            return kvHeads * headDim;
        }
    }

    /** y = x / √(mean(x²) + ε) ⊙ w (Llama), or y = (x − mean(x)) / √(var(x) + ε) ⊙ w + b (GPT-2). */
    public enum Norm { RMS, LAYER }

    /**
     * The feed-forward: SiLU(g) ⊙ u from two matrices (gate|up), or GELU of one (GPT-2's c_fc) in
     * GPT-2's tanh approximation or the exact erf form (nanoGPT's nn.GELU()).
     */
    public enum FeedForward { SWIGLU, GELU_TANH, GELU_ERF }

    /**
     * What sets a decoder family apart.
     *
     * @param positions     learned absolute position rows [contextLength, dim] added to the token embedding, or null (RoPE)
     * @param finalNormBias the final LayerNorm's shift, or null
     */
    public record Style(Norm norm, FeedForward ffn, WeightMatrix positions, float[] finalNormBias) {
        /** Llama, Qwen 2, Qwen 3: RMSNorm, SwiGLU, positions by RoPE only. */
        public static final Style LLAMA = new Style(Norm.RMS, FeedForward.SWIGLU, null, null);
    }

    /**
     * One layer: the norms, the fused groups (Q|K|V, and gate|up for SwiGLU or up alone for GELU)
     * and the single matrices.
     *
     * @param qkvBias Q|K|V biases side by side (qwen2, GPT-2), or null
     * @param qNorm   per-head RMSNorm weights of Q (qwen3), or null; kNorm likewise for K
     * @param biases  the LayerNorm shifts and the other matrices' biases (GPT-2)
     */
    public record Layer(float[] attnNorm, MatVec qkv, float[] qkvBias, float[] qNorm, float[] kNorm, MatVec o,
                        float[] ffnNorm, MatVec gateUp, MatVec down, Biases biases) {

        /** A layer without LayerNorm shifts or output biases (Llama, Qwen). */
        public Layer(float[] attnNorm, MatVec qkv, float[] qkvBias, float[] qNorm, float[] kNorm, MatVec o,
                     float[] ffnNorm, MatVec gateUp, MatVec down) {
            this(attnNorm, qkv, qkvBias, qNorm, kNorm, o, ffnNorm, gateUp, down, Biases.NONE);
        }
    }

    /** A layer's remaining shifts, each null when absent: the two norms', W_o's, up's (c_fc) and down's (c_proj). */
    public record Biases(float[] attnNorm, float[] o, float[] ffnNorm, float[] up, float[] down) {
        public static final Biases NONE = new Biases(null, null, null, null, null);
    }

    /** A Llama-family plan ({@link Style#LLAMA}). */
    public DecoderPlan(Dims dims, int contextLength, float normEps, RopeTable rope, WeightMatrix embed,
                       List<Layer> layers, float[] finalNorm, MatVec head) {
        this(dims, contextLength, normEps, rope, embed, layers, finalNorm, head, Style.LLAMA);
    }

    public DecoderPlan {
        layers = List.copyOf(layers);
        if (embed.cols() != dims.dim() || head.in() != dims.dim() || head.out() != dims.vocab()) {
            throw new IllegalArgumentException("the embedding and output projection do not match the model width " + dims.dim());
        }
        WeightMatrix p = style.positions();
        if (p != null && (p.cols() != dims.dim() || p.rows() < contextLength)) {
            throw new IllegalArgumentException("the position embedding [" + p.rows() + ", " + p.cols() + "] does not cover "
                    + contextLength + " positions of width " + dims.dim());
        }
        // The runtime indexes its buffers by these widths: a matrix of another shape (a config that
        // does not describe the weights) must be refused here, not read out of bounds later.
        int ffnOut = style.ffn() == FeedForward.SWIGLU ? 2 * dims.ffn() : dims.ffn();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            checkShape(i, "Q|K|V", l.qkv(), dims.qDim() + 2 * dims.kvDim(), dims.dim());
            checkShape(i, "the attention output", l.o(), dims.dim(), dims.qDim());
            checkShape(i, "the first feed-forward group", l.gateUp(), ffnOut, dims.dim());
            checkShape(i, "the feed-forward output", l.down(), dims.dim(), dims.ffn());
            Biases b = l.biases();
            checkLength(i, "the attention norm", l.attnNorm(), dims.dim());
            checkLength(i, "the attention norm's shift", b.attnNorm(), dims.dim());
            checkLength(i, "the Q|K|V bias", l.qkvBias(), dims.qDim() + 2 * dims.kvDim());
            checkLength(i, "the attention output bias", b.o(), dims.dim());
            checkLength(i, "the feed-forward norm", l.ffnNorm(), dims.dim());
            checkLength(i, "the feed-forward norm's shift", b.ffnNorm(), dims.dim());
            checkLength(i, "the up bias", b.up(), dims.ffn());
            checkLength(i, "the down bias", b.down(), dims.dim());
        }
    }

    /** A vector of n floats, or absent (null). */
    private static void checkLength(int layer, String what, float[] v, int n) {
        if (v != null && v.length != n) throw new IllegalArgumentException("layer " + layer + ": " + what + " has " + v.length + " values, expected " + n);
    }

    private static void checkShape(int layer, String what, MatVec m, int out, int in) {
        if (m.out() != out || m.in() != in) {
            throw new IllegalArgumentException("layer " + layer + ": " + what + " is [" + m.out() + ", " + m.in() + "], but the model's widths make it ["
                    + out + ", " + in + "]");
        }
    }
}
