package io.genai4j.course.ladder;

/**
 * One rung of the ladder: a model trained on the shared training split and measured on the shared
 * char-level validation split of tiny Shakespeare, so that every lesson's model lands on one scale.
 * Lessons add rungs through a {@link LadderProvider}; the ladder code does not change.
 */
public interface LadderEntry {
    /** Short name for the table and chart, e.g. "KN 5-gram". */
    String name();

    /** Family for the chart's colours, e.g. "n-gram", "LSTM", "GPT". */
    String family();

    /** Position on the ladder, simplest first: n-grams 100+n, LSTM 200, GPT 300. */
    int rank();

    /**
     * Trains (or loads) the model and evaluates it. Must report the validation figure over the
     * whole of {@code data.val()} in nats per character. Returns null when the rung cannot be
     * measured on this corpus (a model shipped pretrained on another text).
     */
    LadderResult run(LadderData data) throws Exception;
}
