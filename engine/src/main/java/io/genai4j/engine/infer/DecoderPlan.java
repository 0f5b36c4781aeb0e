package io.genai4j.engine.infer;

import io.genai4j.engine.quant.MatVec;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.List;

/**
 * What {@link DecoderRuntime} runs: a pre-norm decoder with grouped-query attention and a gated
 * (SwiGLU) feed-forward, described by its weights in the groups the runtime multiplies at once.
 * A model builds its plan from its own module tree (the same weights, no copy of a matrix), so the
 * modules stay the reference and the plan is only a different way of running them.
 * <pre>
 *   per layer:  h = RMSNorm(x);  [q|k|v] = h·[Wq|Wk|Wv]ᵀ (+b);  q, k ← (RMSNorm per head), RoPE;  cache ← k, v
 *               x += Attention(q, cache)·Woᵀ
 *               h = RMSNorm(x);  [g|u] = h·[Wg|Wu]ᵀ;  x += (SiLU(g) ⊙ u)·Wdᵀ
 *   logits = RMSNorm(x)·Wᵀ
 * </pre>
 *
 * @param contextLength the most positions a session's cache may hold
 * @param embed         token embedding rows [vocab, dim]
 * @param finalNorm     RMSNorm weights before the output projection
 * @param head          the output projection [vocab, dim]
 */
public record DecoderPlan(Dims dims, int contextLength, float normEps, RopeTable rope, WeightMatrix embed,
                          List<Layer> layers, float[] finalNorm, MatVec head) {

    /** Widths: model dim, query heads, key/value heads, head dim, feed-forward width, vocabulary. */
    public record Dims(int dim, int heads, int kvHeads, int headDim, int ffn, int vocab) {
        public int qDim() {
            return heads * headDim;
        }

        public int kvDim() {
            return kvHeads * headDim;
        }
    }

    /**
     * One layer: the norms, the fused groups (Q|K|V, gate|up) and the single matrices.
     *
     * @param qkvBias Q|K|V biases side by side (qwen2), or null
     * @param qNorm   per-head RMSNorm weights of Q (qwen3), or null; kNorm likewise for K
     */
    public record Layer(float[] attnNorm, MatVec qkv, float[] qkvBias, float[] qNorm, float[] kNorm, MatVec o,
                        float[] ffnNorm, MatVec gateUp, MatVec down) {}

    public DecoderPlan {
        layers = List.copyOf(layers);
        if (embed.cols() != dims.dim() || head.in() != dims.dim() || head.out() != dims.vocab()) {
            throw new IllegalArgumentException("the embedding and output projection do not match the model width " + dims.dim());
        }
    }
}
