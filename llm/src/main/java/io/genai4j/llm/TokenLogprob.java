package io.genai4j.llm;

import io.genai4j.models.sampling.LogitsSampler;

/**
 * The natural log-probability of one generated token and of the most likely tokens at its step
 * ({@code topIds} by falling probability, at most as many as asked), as OpenAI's {@code logprobs}
 * reports them. A probability that underflows to zero is reported as {@link #FLOOR} (OpenAI writes
 * -9999.0 there too), so the numbers stay finite JSON.
 */
public record TokenLogprob(int token, float logprob, int[] topIds, float[] topLogprobs) {
    /** The log-probability reported for a probability too small to represent. */
    public static final float FLOOR = -9999f;

    /** {@code chosen}'s entry in a distribution, and its {@code top} most likely tokens. */
    static TokenLogprob of(LogitsSampler.Candidates d, int chosen, int top) {
        float lp = FLOOR;
        for (int i = 0; i < d.ids().length; i++) {
            if (d.ids()[i] == chosen) {
                lp = log(d.probs()[i]);
                break;
            }
        }
        int n = Math.min(top, d.ids().length);
        int[] ids = new int[n];
        float[] lps = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = d.ids()[i];
            lps[i] = log(d.probs()[i]);
        }
        return new TokenLogprob(chosen, lp, ids, lps);
    }

    /** A token the constraint forced: the only one allowed, so probability 1. */
    static TokenLogprob certain(int token, int top) {
        return top == 0 ? new TokenLogprob(token, 0f, new int[0], new float[0]) : new TokenLogprob(token, 0f, new int[] {token}, new float[] {0f});
    }

    private static float log(float p) {
        return p > 0 ? (float) Math.log(p) : FLOOR;
    }
}
