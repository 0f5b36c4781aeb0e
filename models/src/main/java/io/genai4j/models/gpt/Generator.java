package io.genai4j.models.gpt;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.Session;
import io.genai4j.models.sampling.LogitsSampler;
import java.util.Arrays;

/**
 * Autoregressive sampling from the GPT lesson's model, on the decoder runtime ({@link GptLm}'s
 * sessions): feed the prompt, then one token at a time, each drawn from the logits of the last
 * position. With the KV cache each step runs only the new token through the network. Once the
 * context is longer than block_size, the model sees the last block_size tokens (nanoGPT's crop);
 * absolute positions then shift, so those steps rebuild the cache from the cropped window.
 */
public final class Generator {
    private final GptLm lm;

    /** Called after each generated token with the distribution it was drawn from. */
    public interface Listener {
        void token(int step, int id, LogitsSampler.Candidates candidates);
    }

    /** Samples from the model's weights as they are now (make another generator after training on). */
    public Generator(Gpt model) {
        this.lm = new GptLm(model);
    }

    public int[] generate(int[] prompt, int maxNewTokens, LogitsSampler sampler, boolean useCache, Listener listener) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt must contain at least one token");
        int block = lm.config().contextLength(), vocab = lm.config().vocabSize();
        int[] seq = Arrays.copyOf(prompt, prompt.length + maxNewTokens);
        int len = prompt.length;
        Session session = lm.newSession(Math.min(block, seq.length), DType.F32);
        for (int step = 0; step < maxNewTokens; step++) {
            int from = Math.max(0, len - block);
            int[] input;
            if (useCache && from == 0 && session.cache().length() > 0) {
                input = new int[] {seq[len - 1]};      // only the newest token
            } else {
                session.cache().clear();
                input = Arrays.copyOfRange(seq, from, len);
            }
            float[] logits = session.forward(input, false);
            LogitsSampler.Candidates cand = listener != null ? sampler.candidates(logits, 0, vocab) : null;
            int next = sampler.sample(logits, 0, vocab);
            seq[len++] = next;
            if (listener != null) listener.token(step, next, cand);
        }
        return Arrays.copyOfRange(seq, prompt.length, len);
    }
}
