package io.genai4j.llm;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.Session;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.sampling.LogitsSampler;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.Arrays;

/**
 * Autoregressive generation on the inference path: the prompt runs through a {@link Session} of the
 * model as one batch (one matmul over all its tokens per weight), then one token at a time with the
 * session's KV cache, each drawn from the last logits after penalties and sampling. Tokens and text
 * stream to a {@link GenerationListener} as they arrive, which may also cancel between tokens.
 *
 * <p>A generator holds no per-request state: one generator (one loaded model) serves any number of
 * threads, each generating in its own session.
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

    /** A new conversation on the model (an F32 KV cache with room for {@code capacity} positions before it grows). */
    public Session newSession(int capacity) {
        return model.newSession(capacity, DType.F32);
    }

    /** Generates from prompt ids in a new session; {@code listener} (may be null) receives text as it is produced. */
    public GenerationResult generate(int[] prompt, GenerationOptions o, GenerationListener listener) {
        return continueFrom(newSession(prompt.length + o.maxTokens()), new int[0], prompt, o, listener);
    }

    /**
     * Continues a conversation: {@code history} holds the ids already in the session's cache,
     * {@code prompt} the new ones to add before generating. The cache then also holds the generated
     * tokens. Without {@link GenerationOptions#useCache()} every step runs the whole context again.
     */
    public GenerationResult continueFrom(Session session, int[] history, int[] prompt, GenerationOptions o, GenerationListener listener) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt is empty: nothing to generate from");
        GenerationListener l = listener == null ? GenerationListener.NONE : listener;
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
        TextStream text = new TextStream(o.stop(), l::onText);
        String reason = "length";
        long t0 = System.nanoTime(), tPrompt = t0;
        int generated = 0;
        float[] logits = run(session, o.useCache(), seq, len, prompt.length);
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
            l.onToken(next);
            text.add(tokenizer.piece(next, false));
            if (text.stopped()) {
                reason = "stop";
                break;
            }
            if (l.cancelled()) {
                reason = "cancelled";
                break;
            }
            if (step + 1 < o.maxTokens()) logits = run(session, o.useCache(), seq, len, 1);
        }
        text.flush(true);
        long t1 = System.nanoTime();
        double pp = prompt.length / Math.max((tPrompt - t0) / 1e9, 1e-9);
        double tg = generated / Math.max((t1 - tPrompt) / 1e9, 1e-9);
        return new GenerationResult(prompt.clone(), Arrays.copyOfRange(seq, used, len), text.text(), reason, pp, tg);
    }

    /** Logits after the last of the n newest tokens of seq[0, len). */
    private static float[] run(Session session, boolean useCache, int[] seq, int len, int n) {
        if (useCache) return session.forward(Arrays.copyOfRange(seq, len - n, len), false);
        session.cache().clear();   // no cache: the whole context again
        return session.forward(Arrays.copyOf(seq, len), false);
    }
}
