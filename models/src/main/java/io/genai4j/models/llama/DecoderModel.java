package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.infer.PlanAdapters;
import io.genai4j.engine.infer.Session;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;

/**
 * What the decoders read from a model file share: their config, the output projection (lm_head, or
 * the token embedding when tied), and the inference path, one {@link DecoderRuntime} per model
 * planned from its module tree on first use and shared by every session.
 */
public abstract sealed class DecoderModel extends Module implements CausalLm permits LlamaModel, Gpt2Model {
    private final LlamaConfig config;
    private final LazyRuntime runtime = new LazyRuntime(this::plan);

    DecoderModel(LlamaConfig config) {
        this.config = config;
    }

    @Override
    public final LlamaConfig config() {
        return config;
    }

    /** This module tree as the runtime's plan (the same weights). */
    public abstract DecoderPlan plan();

    /** The inference path: one runtime per model, shared by every session. */
    public final DecoderRuntime runtime() {
        return runtime.get();
    }

    /**
     * A session on the runtime; with LoRA adapters attached to the modules (unmerged), on a runtime
     * that adds their side paths to the shared base weights, as they are now.
     */
    @Override
    public final Session newSession(int capacity, DType kvType) {
        PlanAdapters side = adapters();
        DecoderRuntime r = side == null ? runtime() : new DecoderRuntime(runtime().plan(), side);
        return r.newSession(capacity, kvType);
    }

    /** Unmerged adapters on this model's layers, or null (the default: none the runtime can run). */
    PlanAdapters adapters() {
        return null;
    }

    /** lm_head [vocab, dim], registered under that name; or, when tied, the embedding itself (not a module of its own). */
    final Linear outputHead(WeightSource w, Tensor embedding) {
        if (config.tiedEmbeddings()) return Linear.frozen(embedding, null);
        return add("lm_head", Linear.frozen(WeightSource.shaped(w.require("lm_head.weight"), "lm_head.weight", config.vocabSize(), config.dim()), null));
    }
}
