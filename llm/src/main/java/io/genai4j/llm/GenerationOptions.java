package io.genai4j.llm;

import io.genai4j.models.sampling.Penalties;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to generate: at most {@code maxTokens} new tokens, sampled with temperature (0 = greedy),
 * top-k (0 = all), top-p, min-p and repetition penalties from a seeded generator; generation also
 * stops at an end-of-generation token or when the text contains one of the stop strings (which is
 * cut from the result). {@code useCache = false} recomputes the whole context at every step (for
 * checking the cache). {@code constraint} (may be null) makes a {@link TokenConstraint} per generation
 * (a grammar, a JSON Schema): options are reused, a constraint is stateful. {@code logitBias} adds a
 * bias to the logit of each listed token id before sampling (OpenAI's {@code logit_bias}: −100
 * bans a token, +100 all but forces it). {@code window} says what happens when the text outgrows
 * the model's context (chat: refused; the GPT lesson: it slides).
 */
public record GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                                long seed, List<String> stop, boolean useCache, TokenConstraint.Factory constraint,
                                Map<Integer, Float> logitBias, ContextWindow window) {

    public GenerationOptions {
        Objects.requireNonNull(window, "window");
        if (maxTokens < 0) throw new IllegalArgumentException("max tokens must be >= 0, got " + maxTokens);
        stop = List.copyOf(stop);
        for (String s : stop) if (s.isEmpty()) throw new IllegalArgumentException("a stop string must not be empty");
        logitBias = Map.copyOf(logitBias);
        for (var e : logitBias.entrySet()) {
            if (e.getKey() < 0) throw new IllegalArgumentException("a logit bias names token id " + e.getKey() + ", below 0");
            if (!Float.isFinite(e.getValue())) throw new IllegalArgumentException("the logit bias of token " + e.getKey() + " is not finite");
        }
    }

    /** Without a logit bias, in a fixed context window. */
    public GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                             long seed, List<String> stop, boolean useCache, TokenConstraint.Factory constraint) {
        this(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, Map.of(), ContextWindow.FIXED);
    }

    /** Without a constraint or a logit bias, in a fixed context window. */
    public GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                             long seed, List<String> stop, boolean useCache) {
        this(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, null, Map.of(), ContextWindow.FIXED);
    }

    public static GenerationOptions greedy(int maxTokens) {
        return new GenerationOptions(maxTokens, 0f, 0, 1f, 0f, Penalties.NONE, 0, List.of(), true);
    }

    /**
     * The lessons' sampling (nanoGPT's sample.py): temperature, top-k and top-p, no penalties, the
     * KV cache, and a sliding window, so a small-context model writes texts of any length.
     */
    public static GenerationOptions slidingWindow(int maxTokens, float temperature, int topK, float topP, long seed) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, 0f, Penalties.NONE, seed, List.of(), true, null, Map.of(), ContextWindow.SLIDING);
    }

    public GenerationOptions withMaxTokens(int n) {
        return new GenerationOptions(n, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, logitBias, window);
    }

    public GenerationOptions withCache(boolean on) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, on, constraint, logitBias, window);
    }

    /** The same options with a logit bias (token id → bias; empty: none). */
    public GenerationOptions withLogitBias(Map<Integer, Float> bias) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, bias, window);
    }

    /** The same options with another seed (n choices, self-consistency's k samples differ only by it). */
    public GenerationOptions withSeed(long s) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, s, stop, useCache, constraint, logitBias, window);
    }

    /** The same options with a constraint factory (null: none). */
    public GenerationOptions withConstraint(TokenConstraint.Factory f) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, f, logitBias, window);
    }

    /** The same options with another context window. */
    public GenerationOptions withWindow(ContextWindow w) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, logitBias, w);
    }
}
