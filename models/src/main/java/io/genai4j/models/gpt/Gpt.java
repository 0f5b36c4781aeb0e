package io.genai4j.models.gpt;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.nn.Container;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;
import io.genai4j.models.llama.Gpt2Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only transformer as in nanoGPT's model.py (GPT-2 architecture):
 * <pre>
 *   x = wte[idx] + wpe[pos]
 *   x = Block_L(...Block_1(x)),   Block: x + attn(ln_1(x)), then x + mlp(ln_2(x))
 *   logits = ln_f(x)·wteᵀ          (the LM head is tied to the token embedding)
 * </pre>
 * Parameter names match nanoGPT's state dict: transformer.wte.weight, transformer.h.0.attn.c_attn.weight, ...
 */
public final class Gpt extends Module {
    public final GptConfig config;
    final Embedding wte, wpe;
    final Block[] h;
    final LayerNorm lnF;
    private final Dropout drop;

    public Gpt(GptConfig c, Rng rng) {
        this.config = c;
        Container transformer = add("transformer", new Container());
        wte = transformer.put("wte", new Embedding(c.vocabSize(), c.nEmbd(), rng));
        wpe = transformer.put("wpe", new Embedding(c.blockSize(), c.nEmbd(), rng));
        drop = transformer.put("drop", new Dropout(c.dropout(), rng));
        Container hs = transformer.put("h", new Container());
        h = new Block[c.nLayer()];
        for (int i = 0; i < h.length; i++) h[i] = hs.put(Integer.toString(i), new Block(c, rng));
        lnF = transformer.put("ln_f", new LayerNorm(c.nEmbd(), 1e-5f, c.bias()));
        initWeights(rng);
    }

    /**
     * GPT-2 initialisation: every Linear and Embedding weight N(0, 0.02²), biases zero, and the
     * residual projections (c_proj) N(0, (0.02/√(2·n_layer))²) so the residual stream's variance
     * does not grow with depth.
     */
    private void initWeights(Rng rng) {
        for (var e : namedParameters().entrySet()) {
            String name = e.getKey();
            Tensor p = e.getValue();
            if (name.endsWith(".bias")) {
                Init.constant(p, 0f);
            } else if (name.endsWith("c_proj.weight")) {
                Init.normal(p, 0, 0.02 / Math.sqrt(2.0 * config.nLayer()), rng);
            } else if (p.dim() == 2) {
                Init.normal(p, 0, 0.02, rng);
            }
        }
    }

    /** An empty KV cache for one sequence of up to block_size positions (the decoders' one cache type). */
    public KvCache newCache() {
        GptConfig c = config;
        return new KvCache(c.nLayer(), c.nHead(), c.nEmbd() / c.nHead(), c.blockSize(), c.blockSize(), DType.F32);
    }

    /**
     * Hidden states ln_f(x) [B, T, C] for token ids idx (B rows of T). With a cache (one sequence,
     * B = 1), idx holds the new tokens only and positions continue after the cached ones.
     */
    public Tensor hidden(int[] idx, int b, int t, KvCache cache, Tensor[] attentionOut) {
        if (cache != null && b != 1) throw new IllegalArgumentException("a KV cache holds one sequence, not a batch of " + b);
        int start = cache == null ? 0 : cache.length();
        if (start + t > config.blockSize()) {
            throw new IllegalArgumentException("sequence of " + (start + t) + " tokens exceeds block_size " + config.blockSize());
        }
        int[] pos = new int[t];
        for (int i = 0; i < t; i++) pos[i] = start + i;
        Tensor x = drop.forward(wte.forward(idx, b, t).add(wpe.forward(pos, t)));
        for (int l = 0; l < h.length; l++) x = h[l].forward(x, cache, l, attentionOut != null, attentionOut);
        if (cache != null) cache.advance(t);
        return lnF.forward(x);
    }

    /**
     * This module tree as the decoder runtime's plan: the same weight arrays, norms and biases copied
     * as they are now (plan again after training on).
     */
    public DecoderPlan plan() {
        List<Gpt2Plan.Block> blocks = new ArrayList<>(h.length);
        for (Block b : h) blocks.add(new Gpt2Plan.Block(b.ln1, b.attn.cAttn, b.attn.cProj, b.ln2, b.mlp.cFc, b.mlp.cProj));
        return Gpt2Plan.of(config.decoder(), wte, wpe, blocks, lnF, wte.weight);
    }

    /** Logits [.., V] = hidden·wteᵀ (weight tying). */
    public Tensor logits(Tensor hidden) {
        return hidden.matmul(wte.weight.mT());
    }

    /** Mean cross-entropy of next-token prediction: logits for idx against targets (both B×T). */
    public Tensor loss(int[] idx, int[] targets, int b, int t) {
        Tensor logits = logits(hidden(idx, b, t, null, null));
        return F.crossEntropy(logits.reshape(b * t, config.vocabSize()), targets);
    }

    /**
     * Training FLOPs per token, as nanoGPT's estimate_mfu counts them (PaLM appendix B):
     * 6·N for the matmuls of forward and backward plus 12·L·H·Q·T for attention (Q = head size).
     */
    public double trainingFlopsPerToken() {
        GptConfig c = config;
        return 6.0 * numParametersNonEmbedding() + 12.0 * c.nLayer() * c.nHead() * (c.nEmbd() / c.nHead()) * c.blockSize();
    }

    /** Parameters excluding the position embedding, as nanoGPT reports "number of parameters". */
    public long numParametersNonEmbedding() {
        return numParameters() - wpe.weight.numel();
    }
}
