package io.genai4j.llm;

/**
 * Restricts which tokens a generation may produce, one step at a time (a grammar, a JSON Schema, a
 * regular expression: {@code io.genai4j.llm.grammar}). One instance follows one generation: it is
 * stateful, so {@link GenerationOptions} carries a factory and {@link Generator} asks it for a new
 * constraint per generation.
 *
 * <p>At each step the generator asks for {@link #allowed()}, samples only among those tokens (the
 * distribution renormalized over them), and reports the choice with {@link #accept}. When the
 * constraint is {@link #complete()} generation stops with reason {@code stop}; when exactly one
 * continuation is possible, {@link #forced()} gives its tokens, which the generator appends without
 * running the model for each (fast-forward), then runs them through the session in one batch.
 */
public interface TokenConstraint {

    /**
     * The tokens allowed next, as a bit set over the vocabulary (token i is bit {@code i & 63} of word
     * {@code i >>> 6}); end-of-generation tokens are in it when the output may end here. The array may
     * be shared and cached: read it, never write to it. Never empty while not {@link #complete()}.
     */
    long[] allowed();

    /** The token chosen (or forced) next; an {@link IllegalStateException} when it was not allowed. */
    void accept(int token);

    /** True when nothing may follow but the end of generation. */
    boolean complete();

    /** Tokens that must come next whatever the model says (empty when there is a choice); not yet accepted. */
    int[] forced();

    /** True when token id is set in a bit set from {@link #allowed()}. */
    static boolean isAllowed(long[] allowed, int id) {
        return (allowed[id >>> 6] >>> id & 1) != 0;
    }

    /** Sets the logits of tokens that are not allowed to -infinity (for callers that sample themselves). */
    static void mask(long[] allowed, float[] logits, int off, int n) {
        for (int i = 0; i < n; i++) if (!isAllowed(allowed, i)) logits[off + i] = Float.NEGATIVE_INFINITY;
    }

    /** Makes a fresh constraint for each generation. */
    @FunctionalInterface
    interface Factory {
        TokenConstraint start();
    }
}
