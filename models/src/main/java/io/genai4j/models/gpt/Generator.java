package io.genai4j.models.gpt;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.sampling.LogitsSampler;
import java.util.Arrays;

/**
 * Autoregressive sampling: feed the prompt, then one token at a time, each drawn from the logits of
 * the last position. With the KV cache each step runs only the new token through the network. Once
 * the context is longer than block_size, the model sees the last block_size tokens (nanoGPT's crop);
 * absolute positions then shift, so those steps rebuild the cache from the cropped window.
 */
public final class Generator {
    private final Gpt model;

    /** Called after each generated token with the distribution it was drawn from. */
    public interface Listener {
        void token(int step, int id, LogitsSampler.Candidates candidates);
    }

    public Generator(Gpt model) {
        this.model = model;
    }

    public int[] generate(int[] prompt, int maxNewTokens, LogitsSampler sampler, boolean useCache, Listener listener) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt must contain at least one token");
        int block = model.config.blockSize(), vocab = model.config.vocabSize();
        int[] seq = Arrays.copyOf(prompt, prompt.length + maxNewTokens);
        int len = prompt.length;
        KvCache cache = useCache ? model.newCache() : null;
        model.eval();
        try (Grad g = Grad.off()) {
            for (int step = 0; step < maxNewTokens; step++) {
                int from = Math.max(0, len - block);
                int[] input;
                if (cache != null && from == 0 && cache.length() > 0) {
                    input = new int[] {seq[len - 1]};      // only the newest token
                } else {
                    if (cache != null) cache.clear();
                    input = Arrays.copyOfRange(seq, from, len);
                }
                Tensor h = model.hidden(input, 1, input.length, cache, null);
                float[] logits = model.logits(h.narrow(1, input.length - 1, 1)).toArray();
                LogitsSampler.Candidates cand = listener != null ? sampler.candidates(logits, 0, vocab) : null;
                int next = sampler.sample(logits, 0, vocab);
                seq[len++] = next;
                if (listener != null) listener.token(step, next, cand);
            }
        }
        return Arrays.copyOfRange(seq, prompt.length, len);
    }
}
