package io.genai4j.models.llama;

import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;

/**
 * A session that runs a model's modules with autograd off: the inference path of a model that has
 * no runtime plan yet (gpt2's LayerNorm/GELU blocks). The modules keep no per-request state either,
 * so these sessions, too, run on many threads at once.
 */
final class ModuleSession implements Session {
    private final CausalLm model;
    private final KvCache cache;

    ModuleSession(CausalLm model, KvCache cache) {
        this.model = model;
        this.cache = cache;
    }

    @Override
    public float[] forward(int[] tokens, boolean allPositions) {
        try (Grad g = Grad.off()) {
            return model.forward(tokens, cache, allPositions).toArray();
        }
    }

    @Override
    public KvCache cache() {
        return cache;
    }
}
