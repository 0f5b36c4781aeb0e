package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.PlanAdapters;
import io.genai4j.engine.nn.Container;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.RMSNorm;

/**
 * Llama, Qwen 2 and Qwen 3 in one forward pass, their differences being config flags
 * ({@link Arch}):
 * <pre>
 *   x = embed_tokens[ids]
 *   x = Block_L(...Block_1(x))          Block: x + attn(RMSNorm(x)), then x + SwiGLU(RMSNorm(x))
 *   logits = RMSNorm(x)·Wᵀ               W = lm_head, or embed_tokens when tied
 * </pre>
 * Module names are Hugging Face's ({@code model.layers.0.self_attn.q_proj.weight}). Weights are
 * frozen and stay in their file's format; a model read from GGUF keeps llama.cpp's row order for
 * Wq and Wk, which is why its config says RoPE style NORM.
 *
 * <p>{@link #forward} runs these modules: the reference, and what training and adapters build on.
 * Inference runs the same weights through {@link DecoderRuntime} ({@link #newSession}), from the
 * {@link #plan} this module tree describes; tests compare the two paths.
 */
public final class LlamaModel extends DecoderModel {
    final Embedding embedTokens;
    final LlamaBlock[] layers;
    final RMSNorm norm;
    final Linear lmHead;
    private final Rope rope;

    public LlamaModel(LlamaConfig c, WeightSource w) {
        super(c);
        if (c.arch() == Arch.GPT2) throw new IllegalArgumentException("gpt2 models are built by Gpt2Model");
        Rope rope = new Rope(c);
        this.rope = rope;
        Container model = add("model", new Container());
        Tensor emb = WeightSource.shaped(w.require("model.embed_tokens.weight"), "model.embed_tokens.weight", c.vocabSize(), c.dim());
        embedTokens = model.put("embed_tokens", Embedding.frozen(emb));
        Container ls = model.put("layers", new Container());
        layers = new LlamaBlock[c.layers()];
        for (int i = 0; i < layers.length; i++) layers[i] = ls.put(Integer.toString(i), new LlamaBlock(c, w, "model.layers." + i + ".", rope));
        norm = model.put("norm", RMSNorm.frozen(WeightSource.shaped(w.require("model.norm.weight"), "model.norm.weight", c.dim()), c.normEps()));
        lmHead = outputHead(w, emb);
    }

    @Override
    public Tensor forward(int[] tokens, KvCache cache, boolean allPositions) {
        return forwardModules(tokens, cache, allPositions, startPosition(tokens, cache));
    }

    @Override
    public DecoderPlan plan() {
        return LlamaPlan.of(this, rope);
    }

    /** LoRA adapters attached (unmerged) to the modules, as side paths the runtime adds to the shared base weights. */
    @Override
    PlanAdapters adapters() {
        return LlamaPlan.adapters(this);
    }

    /** The forward pass through the modules, as the class comment writes it. */
    Tensor forwardModules(int[] tokens, KvCache cache, boolean allPositions, int start) {
        int t = tokens.length;
        Tensor x = embedTokens.forward(tokens, 1, t);
        for (int l = 0; l < layers.length; l++) x = layers[l].forward(x, cache, l, start);
        if (cache != null) cache.advance(t);
        if (!allPositions) x = x.narrow(1, t - 1, 1);
        Tensor logits = lmHead.forward(norm.forward(x));
        return logits.reshape(-1, config().vocabSize());
    }
}
