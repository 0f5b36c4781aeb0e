package io.genai4j.models.translation;

import io.genai4j.engine.Tensor;

/**
 * A decoder part-way through N target sentences (N rows: sentences, or the hypotheses of a beam),
 * the interface greedy and beam search drive, for the RNN and the Transformer alike.
 */
public interface DecoderState {
    /** The next-token distribution as log-probabilities [N, V], and where each row looked (attention over source positions, [N, S]; null if the model has none). */
    record Step(Tensor logProbs, float[][] attention) {}

    /** Feeds one token per row (the first call gets {@code <s>}) and returns the next-token distribution. */
    Step step(int[] tokens);

    /** The state of the given rows, in that order (rows may repeat): how a beam follows its survivors. */
    DecoderState select(int[] rows);
}
