package io.genai4j.llm;

import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.KvCache;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.sampling.LogitsSampler;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Autoregressive generation: the prompt runs through the model as one batch (one matmul over all
 * its tokens per weight), then one token at a time with the KV cache, each drawn from the last
 * logits after penalties and sampling. Text streams to a callback as tokens arrive.
 */
public final class Generator {
    private final CausalLm model;
    private final LlmTokenizer tokenizer;

    public Generator(LoadedModel m) {
        this(m.model(), m.tokenizer());
    }

    public Generator(CausalLm model, LlmTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** Generates from prompt ids in a new context; {@code onText} (may be null) receives text as it is produced. */
    public GenerationResult generate(int[] prompt, GenerationOptions o, Consumer<String> onText) {
        KvCache cache = o.useCache() ? model.newCache(prompt.length + o.maxTokens()) : null;
        return continueFrom(cache, new int[0], prompt, o, onText);
    }

    /**
     * Continues a conversation: {@code history} holds the ids already in {@code cache}, {@code prompt}
     * the new ones to add before generating. The cache then also holds the generated tokens.
     */
    public GenerationResult continueFrom(KvCache cache, int[] history, int[] prompt, GenerationOptions o, Consumer<String> onText) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt is empty: nothing to generate from");
        int ctx = model.config().contextLength();
        int used = history.length + prompt.length;
        if (used + o.maxTokens() > ctx) {
            throw new IllegalArgumentException("the prompt (" + used + " tokens) plus " + o.maxTokens() + " new tokens exceeds the model's context length of "
                    + ctx + " tokens; shorten the prompt or lower --max-tokens");
        }
        int vocab = model.config().vocabSize();
        int[] seq = Arrays.copyOf(history, used + o.maxTokens());
        System.arraycopy(prompt, 0, seq, history.length, prompt.length);
        int len = used;
        LogitsSampler sampler = new LogitsSampler(o.temperature(), o.topK(), o.topP(), o.minP(), o.seed());
        TextStream text = new TextStream(o.stop(), onText);
        String reason = "length";
        long t0 = System.nanoTime(), tPrompt = t0;
        int generated = 0;
        try (Grad g = Grad.off()) {
            float[] logits = run(cache, seq, len, prompt.length).toArray();
            tPrompt = System.nanoTime();
            for (int step = 0; step < o.maxTokens(); step++) {
                o.penalties().apply(logits, 0, vocab, seq, len);
                int next = sampler.sample(logits, 0, vocab);
                if (tokenizer.isEndOfGeneration(next)) {
                    reason = "eos";
                    break;
                }
                seq[len++] = next;
                generated++;
                text.add(tokenizer.piece(next, false));
                if (text.stopped()) {
                    reason = "stop";
                    break;
                }
                if (step + 1 < o.maxTokens()) logits = run(cache, seq, len, 1).toArray();
            }
        }
        text.flush(true);
        long t1 = System.nanoTime();
        double pp = prompt.length / Math.max((tPrompt - t0) / 1e9, 1e-9);
        double tg = generated / Math.max((t1 - tPrompt) / 1e9, 1e-9);
        return new GenerationResult(prompt.clone(), Arrays.copyOfRange(seq, used, len), text.text(), reason, pp, tg);
    }

    /** Logits after the last of the n newest tokens of seq[0, len). */
    private io.genai4j.engine.Tensor run(KvCache cache, int[] seq, int len, int n) {
        if (cache != null) return model.forward(Arrays.copyOfRange(seq, len - n, len), cache, false);
        return model.forward(Arrays.copyOf(seq, len), null, false);   // no cache: the whole context again
    }
}
