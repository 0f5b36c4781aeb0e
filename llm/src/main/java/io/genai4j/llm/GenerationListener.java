package io.genai4j.llm;

import io.genai4j.models.sampling.LogitsSampler;
import java.util.function.ObjIntConsumer;

/**
 * Receives a generation as it happens: the CLI prints the text, a server streams it to its client.
 * {@link #cancelled()} is asked between tokens, so a client that disconnects stops the generation
 * within one token (its session keeps the tokens generated so far).
 */
@FunctionalInterface
public interface GenerationListener {
    /** Text that is final: whole UTF-8 characters, and never part of a stop string. */
    void onText(String text);

    /**
     * True to receive {@link #onCandidates} before each sampled token (it costs a sort of the
     * vocabulary per token, so only listeners that show the distribution ask for it).
     */
    default boolean wantsCandidates() {
        return false;
    }

    /**
     * The distribution the next token is drawn from, most likely first: after penalties,
     * temperature, top-k/p, min-p and the constraint (greedy: the argmax with probability 1).
     */
    default void onCandidates(LogitsSampler.Candidates candidates) {}

    /**
     * How many of the most likely tokens to report with each {@link #onLogprob}, or -1 (the default)
     * for no log-probabilities at all (they cost a sort of the vocabulary per token).
     */
    default int topLogprobs() {
        return -1;
    }

    /**
     * The log-probability of the token about to be reported by {@link #onToken}, and its step's most
     * likely tokens, when {@link #topLogprobs()} is 0 or more. Which distribution: the one the token
     * was drawn from, after penalties, logit bias, the constraint's mask, temperature, top-k/p and
     * min-p (llama-server's {@code post_sampling_probs}); for greedy decoding, which draws from no
     * distribution, a plain softmax of those logits (temperature 1), as llama-server does then.
     */
    default void onLogprob(TokenLogprob logprob) {}

    /** A token was generated (its text may still be held back by {@link #onText}). */
    default void onToken(int id) {}

    /** True to stop: generation ends before running the model again, with stop reason {@code cancelled}. */
    default boolean cancelled() {
        return false;
    }

    /** A listener for explanations: each generated token with the distribution it was drawn from (text ignored). */
    static GenerationListener explaining(ObjIntConsumer<LogitsSampler.Candidates> perToken) {
        return new GenerationListener() {
            private LogitsSampler.Candidates last;

            @Override
            public void onText(String text) {}

            @Override
            public boolean wantsCandidates() {
                return true;
            }

            @Override
            public void onCandidates(LogitsSampler.Candidates c) {
                last = c;
            }

            @Override
            public void onToken(int id) {
                perToken.accept(last, id);
            }
        };
    }

    /** Ignores everything. */
    GenerationListener NONE = text -> {};
}
