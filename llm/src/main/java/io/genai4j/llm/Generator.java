package io.genai4j.llm;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.Session;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.sampling.LogitsSampler;
import io.genai4j.text.Tokenizer;
import java.util.Arrays;

/**
 * Autoregressive generation on the inference path: the prompt runs through a {@link Session} of the
 * model as one batch (one matmul over all its tokens per weight), then one token at a time with the
 * session's KV cache, each drawn from the last logits after penalties and sampling. Tokens and text
 * stream to a {@link GenerationListener} as they arrive, which may also cancel between tokens.
 *
 * <p>The model sees at most its context length of tokens: a {@link ContextWindow#FIXED} window refuses
 * a generation that would not fit; a {@link ContextWindow#SLIDING} one keeps the newest tokens
 * (nanoGPT's crop), so the GPT lesson's char model samples any length through the same loop.
 *
 * <p>A generator holds no per-request state: one generator (one loaded model) serves any number of
 * threads, each generating in its own session. A {@link #batched} generator runs the one-token steps
 * of all the threads generating at once as one batched step ({@link StepBatcher}).
 */
public final class Generator {
    private final CausalLm model;
    private final Tokenizer tokenizer;
    private final StepBatcher batcher;   // null: each session steps on its own

    public Generator(LoadedModel m) {
        this(m.model(), m.tokenizer());
    }

    /** A model and the tokenizer whose ids it reads: its pieces make the text, its end-of-generation tokens stop. */
    public Generator(CausalLm model, Tokenizer tokenizer) {
        this(model, tokenizer, null);
    }

    private Generator(CausalLm model, Tokenizer tokenizer, StepBatcher batcher) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.batcher = batcher;
    }

    /** A generator of the same model whose concurrent generations decode together, one weight pass per step for all. */
    public Generator batched() {
        return new Generator(model, tokenizer, new StepBatcher());
    }

    /** The batcher of a {@link #batched} generator, or null. */
    public StepBatcher batcher() {
        return batcher;
    }

    /** A new conversation on the model (an F32 KV cache with room for {@code capacity} positions before it grows). */
    public Session newSession(int capacity) {
        return model.newSession(capacity, DType.F32);
    }

    /** Generates from prompt ids in a new session; {@code listener} (may be null) receives text as it is produced. */
    public GenerationResult generate(int[] prompt, GenerationOptions o, GenerationListener listener) {
        int capacity = Math.min(prompt.length + o.maxTokens(), model.config().contextLength());
        return continueFrom(newSession(Math.max(capacity, 1)), new int[0], prompt, o, listener);
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
        if (o.window() == ContextWindow.FIXED && used + o.maxTokens() > ctx) {
            throw new IllegalArgumentException("the prompt (" + used + " tokens) plus " + o.maxTokens() + " new tokens exceeds the model's context length of "
                    + ctx + " tokens; shorten the prompt or lower --max-tokens");
        }
        int vocab = model.config().vocabSize();
        for (int id : o.logitBias().keySet()) {
            if (id >= vocab) throw new IllegalArgumentException("logit_bias names token id " + id + ", outside the vocabulary [0, " + vocab + ")");
        }
        int limit = used + o.maxTokens();
        int[] seq = Arrays.copyOf(history, limit);
        System.arraycopy(prompt, 0, seq, history.length, prompt.length);
        int len = used;
        LogitsSampler sampler = new LogitsSampler(o.temperature(), o.topK(), o.topP(), o.minP(), o.seed());
        int top = l.topLogprobs();
        // Greedy decoding draws from no distribution: its log-probabilities are a plain softmax (see GenerationListener#onLogprob).
        LogitsSampler reported = top < 0 ? null : o.temperature() == 0f ? new LogitsSampler(1f, 0, 1f, 0f, 0) : sampler;
        TextStream text = new TextStream(o.stop(), l::onText);
        TokenConstraint c = o.constraint() == null ? null : o.constraint().start();
        AllowedSampler allowed = c == null ? null : new AllowedSampler(vocab);
        String reason = null;
        long t0 = System.nanoTime();
        if (c != null) len = fastForward(c, seq, len, limit, l, text);   // forced tokens join the prompt's batch
        float[] logits = run(session, o.useCache(), seq, len, len - history.length, ctx);
        long tPrompt = System.nanoTime();
        if (c != null && c.complete() || text.stopped()) reason = "stop";
        int pendingRun = 0;   // tokens appended since the model last ran
        // After its prompt, a batched generation runs its one-token steps with the others generating at once.
        try (StepBatcher.Lane lane = batcher != null && o.useCache() && StepBatcher.accepts(session) ? batcher.join(session) : null) {
            while (reason == null) {
                if (len >= limit) {
                    reason = "length";
                    break;
                }
                if (logits == null) logits = lane != null && pendingRun == 1 && len <= ctx ? lane.step(seq[len - 1]) : run(session, o.useCache(), seq, len, pendingRun, ctx);
                o.penalties().apply(logits, 0, vocab, seq, len);
                for (var e : o.logitBias().entrySet()) logits[e.getKey()] += e.getValue();
                if (l.wantsCandidates()) l.onCandidates(c == null ? sampler.candidates(logits, 0, vocab) : allowed.candidates(sampler, logits, c.allowed()));
                LogitsSampler.Candidates shown = reported == null ? null
                        : c == null ? reported.candidates(logits, 0, vocab) : allowed.candidates(reported, logits, c.allowed());
                int next = c == null ? sampler.sample(logits, 0, vocab) : allowed.sample(sampler, logits, c.allowed());
                if (tokenizer.isEndOfGeneration(next)) {
                    reason = "eos";
                    break;
                }
                seq[len++] = next;
                if (shown != null) l.onLogprob(TokenLogprob.of(shown, next, top));
                l.onToken(next);
                text.add(tokenizer.piece(next));
                int fresh = 1;
                if (c != null) {
                    c.accept(next);
                    int before = len;
                    len = fastForward(c, seq, len, limit, l, text);
                    fresh += len - before;
                }
                logits = null;
                pendingRun = fresh;
                if (c != null && c.complete() || text.stopped()) reason = "stop";
                else if (l.cancelled()) reason = "cancelled";
            }
        }
        text.flush(true);
        long t1 = System.nanoTime();
        int generated = len - used;
        double pp = prompt.length / Math.max((tPrompt - t0) / 1e9, 1e-9);
        double tg = generated / Math.max((t1 - tPrompt) / 1e9, 1e-9);
        return new GenerationResult(prompt.clone(), Arrays.copyOfRange(seq, used, len), text.text(), reason, pp, tg);
    }

    /**
     * Appends the tokens the constraint forces, without a model step each (they run through the
     * session later, in one batch with the token before them); returns the new length.
     */
    private int fastForward(TokenConstraint c, int[] seq, int len, int limit, GenerationListener l, TextStream text) {
        for (int id : c.forced()) {
            if (len >= limit) break;
            c.accept(id);
            seq[len++] = id;
            if (l.topLogprobs() >= 0) l.onLogprob(TokenLogprob.certain(id, l.topLogprobs()));
            l.onToken(id);
            text.add(tokenizer.piece(id));
        }
        return len;
    }

    /**
     * Logits after the last of the n newest tokens of seq[0, len). While the text fits the context
     * the session's cache holds the older tokens; past it (a sliding window) the newest
     * {@code context} tokens run again from an empty cache, their positions shifted.
     */
    private static float[] run(Session session, boolean useCache, int[] seq, int len, int n, int context) {
        if (useCache && len <= context) return session.forward(Arrays.copyOfRange(seq, len - n, len), false);
        session.cache().clear();   // no cache, or a window that moved: the whole window again
        return session.forward(Arrays.copyOfRange(seq, Math.max(0, len - context), len), false);
    }
}
