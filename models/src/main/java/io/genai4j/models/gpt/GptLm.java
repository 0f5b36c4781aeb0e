package io.genai4j.models.gpt;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.LlamaConfig;

/**
 * The GPT lesson's model as a {@link CausalLm}, so generation drives it like any loaded decoder:
 * {@link #forward} runs its modules (the reference), sessions run the decoder runtime on a plan of
 * its weights as they are when this is made (make another after training on). Puts the model in
 * evaluation mode (no dropout).
 */
public final class GptLm implements CausalLm {
    private final Gpt model;
    private final LlamaConfig config;
    private final DecoderRuntime runtime;

    public GptLm(Gpt model) {
        model.eval();
        this.model = model;
        this.config = model.config.decoder();
        this.runtime = new DecoderRuntime(model.plan());
    }

    @Override
    public Tensor forward(int[] tokens, KvCache cache, boolean allPositions) {
        int t = tokens.length;
        startPosition(tokens, cache);
        Tensor h = model.hidden(tokens, 1, t, cache, null);
        if (!allPositions) h = h.narrow(1, t - 1, 1);
        return model.logits(h).reshape(-1, config.vocabSize());
    }

    @Override
    public Session newSession(int capacity, DType kvType) {
        return runtime.newSession(capacity, kvType);
    }

    public Gpt model() {
        return model;
    }

    @Override
    public LlamaConfig config() {
        return config;
    }
}
