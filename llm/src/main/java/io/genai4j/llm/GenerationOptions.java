package io.genai4j.llm;

import io.genai4j.models.sampling.Penalties;
import java.util.List;
import java.util.Map;

/**
 * How to generate: at most {@code maxTokens} new tokens, sampled with temperature (0 = greedy),
 * top-k (0 = all), top-p, min-p and repetition penalties from a seeded generator; generation also
 * stops at an end-of-generation token or when the text contains one of the stop strings (which is
 * cut from the result). {@code useCache = false} recomputes the whole context at every step (for
 * checking the cache). {@code constraint} (may be null) makes a {@link TokenConstraint} per generation
 * (a grammar, a JSON Schema): options are reused, a constraint is stateful. {@code logitBias} adds a
 * bias to the logit of each listed token id before sampling (OpenAI's {@code logit_bias}: −100
 * bans a token, +100 all but forces it).
 */
public record GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                                long seed, List<String> stop, boolean useCache, TokenConstraint.Factory constraint,
                                Map<Integer, Float> logitBias) {

    public GenerationOptions {
        if (maxTokens < 0) throw new IllegalArgumentException("max tokens must be >= 0, got " + maxTokens);
        stop = List.copyOf(stop);
        for (String s : stop) if (s.isEmpty()) throw new IllegalArgumentException("a stop string must not be empty");
        logitBias = Map.copyOf(logitBias);
        for (var e : logitBias.entrySet()) {
            if (e.getKey() < 0) throw new IllegalArgumentException("a logit bias names token id " + e.getKey() + ", below 0");
            if (!Float.isFinite(e.getValue())) throw new IllegalArgumentException("the logit bias of token " + e.getKey() + " is not finite");
        }
    }

    /** Without a logit bias. */
    public GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                             long seed, List<String> stop, boolean useCache, TokenConstraint.Factory constraint) {
        this(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, Map.of());
    }

    /** Without a constraint. */
    public GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                             long seed, List<String> stop, boolean useCache) {
        this(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, null);
    }

    public static GenerationOptions greedy(int maxTokens) {
        return new GenerationOptions(maxTokens, 0f, 0, 1f, 0f, Penalties.NONE, 0, List.of(), true);
    }

    public GenerationOptions withMaxTokens(int n) {
        return new GenerationOptions(n, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, logitBias);
    }

    public GenerationOptions withCache(boolean on) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, on, constraint, logitBias);
    }

    /** The same options with a logit bias (token id → bias; empty: none). */
    public GenerationOptions withLogitBias(Map<Integer, Float> bias) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, constraint, bias);
    }

    /** The same options with another seed. */
    public GenerationOptions withSeed(long s) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, s, stop, useCache, constraint, logitBias);
    }

    /** The same options with a constraint factory (null: none). */
    public GenerationOptions withConstraint(TokenConstraint.Factory f) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, useCache, f, logitBias);
    }
}
