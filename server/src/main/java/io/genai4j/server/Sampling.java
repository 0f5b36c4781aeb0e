package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.models.sampling.Penalties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sampling fields chat and text completions share, read as OpenAI defines them: temperature
 * (0..2, default 1), top_p (default 1), max_tokens or max_completion_tokens (at most the server's
 * limit, which is also the default), stop (a string or up to 4), seed (random when absent),
 * presence/frequency penalties (-2..2, over the whole context), n choices and logit_bias (token id
 * as a string → a bias in -100..100 added to its logit before sampling; an id outside the model's
 * vocabulary is a 400 too). The two endpoints ask for log-probabilities differently ({@link #chatLogprobs},
 * {@link #completionLogprobs}).
 */
record Sampling(GenerationOptions options, int n) {
    static Sampling read(Fields f, Limits limits) {
        double temperature = f.number("temperature", 1.0, 0, 2);
        double topP = f.number("top_p", 1.0, 0, 1);
        if (topP == 0) throw ApiException.invalid(f.path("top_p"), f.path("top_p") + " must be > 0");
        String maxName = f.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        long max = f.integer(maxName, limits.maxTokens(), 0, Integer.MAX_VALUE);
        if (max > limits.maxTokens()) {
            throw ApiException.invalid(f.path(maxName), f.path(maxName) + " is " + max + ", above this server's limit of " + limits.maxTokens());
        }
        List<String> stop = f.strings("stop");
        if (stop.size() > 4) throw ApiException.invalid(f.path("stop"), f.path("stop") + " takes at most 4 strings, got " + stop.size());
        for (String s : stop) if (s.isEmpty()) throw ApiException.invalid(f.path("stop"), f.path("stop") + " must not contain an empty string");
        long seed = f.has("seed") ? f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE) : ThreadLocalRandom.current().nextLong();
        double presence = f.number("presence_penalty", 0, -2, 2);
        double frequency = f.number("frequency_penalty", 0, -2, 2);
        int n = (int) f.integer("n", 1, 1, limits.maxChoices());
        Map<Integer, Float> bias = logitBias(f);
        Penalties penalties = new Penalties(1f, (float) frequency, (float) presence, 0);
        return new Sampling(new GenerationOptions((int) max, (float) temperature, 0, (float) topP, 0f, penalties, seed, stop, true).withLogitBias(bias), n);
    }

    /**
     * Chat's {@code logprobs} (true or false) and {@code top_logprobs} (0..20, only with logprobs):
     * the alternatives to report per token, or -1 for no log-probabilities.
     */
    static int chatLogprobs(Fields f) {
        boolean on = f.bool("logprobs", false);
        if (!on && f.has("top_logprobs")) throw ApiException.invalid(f.path("top_logprobs"), f.path("top_logprobs") + " needs \"logprobs\": true");
        return on ? (int) f.integer("top_logprobs", 0, 0, 20) : -1;
    }

    /** The completions' {@code logprobs}: an integer 0..20 of alternatives per token (0: the sampled token alone), or -1 when absent. */
    static int completionLogprobs(Fields f) {
        return (int) f.integer("logprobs", -1, 0, 20);
    }

    /** {"token id": bias, ...} with ids as decimal strings and biases in -100..100, as OpenAI takes them. */
    private static Map<Integer, Float> logitBias(Fields f) {
        JsonNode node = f.get("logit_bias");
        if (node == null || node.isNull()) return Map.of();
        String path = f.path("logit_bias");
        if (!node.isObject()) throw ApiException.invalid(path, path + " must be an object of token id → bias");
        Map<Integer, Float> bias = new HashMap<>();
        for (var e : node.properties()) {
            String at = path + "." + Printable.of(e.getKey());
            int id;
            try {
                id = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                throw ApiException.invalid(path, at + " is not a token id (a non-negative integer)");
            }
            if (id < 0) throw ApiException.invalid(path, at + " is not a token id (a non-negative integer)");
            JsonNode v = e.getValue();
            if (!v.isNumber() || v.doubleValue() < -100 || v.doubleValue() > 100) throw ApiException.invalid(path, at + " must be a number in -100..100, got " + Printable.of(v.toString()));
            bias.put(id, v.floatValue());
        }
        return bias;
    }

    /** The options of choice {@code i}: its own seed, so n choices differ. */
    GenerationOptions forChoice(int i) {
        return options.withSeed(options.seed() + i);
    }
}
