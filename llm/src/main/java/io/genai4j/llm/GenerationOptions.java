package io.genai4j.llm;

import io.genai4j.models.sampling.Penalties;
import java.util.List;

/**
 * How to generate: at most {@code maxTokens} new tokens, sampled with temperature (0 = greedy),
 * top-k (0 = all), top-p, min-p and repetition penalties from a seeded generator; generation also
 * stops at an end-of-generation token or when the text contains one of the stop strings (which is
 * cut from the result). {@code useCache = false} recomputes the whole context at every step (for
 * checking the cache).
 */
public record GenerationOptions(int maxTokens, float temperature, int topK, float topP, float minP, Penalties penalties,
                                long seed, List<String> stop, boolean useCache) {

    public GenerationOptions {
        if (maxTokens < 0) throw new IllegalArgumentException("max tokens must be >= 0, got " + maxTokens);
        stop = List.copyOf(stop);
        for (String s : stop) if (s.isEmpty()) throw new IllegalArgumentException("a stop string must not be empty");
    }

    public static GenerationOptions greedy(int maxTokens) {
        return new GenerationOptions(maxTokens, 0f, 0, 1f, 0f, Penalties.NONE, 0, List.of(), true);
    }

    public GenerationOptions withMaxTokens(int n) {
        return new GenerationOptions(n, temperature, topK, topP, minP, penalties, seed, stop, useCache);
    }

    public GenerationOptions withCache(boolean on) {
        return new GenerationOptions(maxTokens, temperature, topK, topP, minP, penalties, seed, stop, on);
    }
}
