package io.genai4j.models.ngram;

/**
 * A probability distribution over the next token given the tokens so far. Every implementation
 * returns a normalised distribution: {@link #distribution} sums to 1 over the vocabulary, so
 * log-probabilities, perplexities and samples are comparable between models.
 */
public interface LanguageModel {
    int vocabSize();

    /** The n in n-gram: the model looks at the last {@code order() - 1} tokens. */
    int order();

    /** Fills {@code out[0..vocabSize)} with P(next token | seq[0, end)). */
    void distribution(int[] seq, int end, double[] out);

    /** ln P(seq[pos] | seq[0, pos)). */
    default double logProb(int[] seq, int pos) {
        double[] d = new double[vocabSize()];
        distribution(seq, pos, d);
        return Math.log(d[seq[pos]]);
    }

    /** A one-line description for reports, e.g. "interpolated modified Kneser-Ney". */
    String describe();
}
