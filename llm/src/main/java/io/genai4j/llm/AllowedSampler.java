package io.genai4j.llm;

import io.genai4j.models.sampling.LogitsSampler;

/**
 * Samples among the tokens a {@link TokenConstraint} allows: their logits are gathered into a short
 * row and the sampler draws from that row, so temperature, top-k/p and min-p renormalize over the
 * allowed tokens only and a disallowed token can never be drawn (not even through rounding at the
 * end of a cumulative sum).
 */
final class AllowedSampler {
    private final int[] ids;
    private final float[] row;
    private final int vocab;

    AllowedSampler(int vocab) {
        this.vocab = vocab;
        this.ids = new int[vocab];
        this.row = new float[vocab];
    }

    int sample(LogitsSampler sampler, float[] logits, long[] allowed) {
        return ids[sampler.sample(row, 0, gather(logits, allowed))];
    }

    /** The distribution {@link #sample} draws from, with vocabulary ids. */
    LogitsSampler.Candidates candidates(LogitsSampler sampler, float[] logits, long[] allowed) {
        LogitsSampler.Candidates c = sampler.candidates(row, 0, gather(logits, allowed));
        int[] vocabIds = new int[c.ids().length];
        for (int i = 0; i < vocabIds.length; i++) vocabIds[i] = ids[c.ids()[i]];
        return new LogitsSampler.Candidates(vocabIds, c.probs());
    }

    /** Copies the allowed tokens' logits into {@code row} (their ids into {@code ids}); returns how many. */
    private int gather(float[] logits, long[] allowed) {
        int n = 0;
        for (int w = 0; w < allowed.length; w++) {
            long bits = allowed[w];
            while (bits != 0) {
                int id = w * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (id >= vocab) break;
                ids[n] = id;
                row[n++] = logits[id];
            }
        }
        if (n == 0) throw new IllegalStateException("the constraint allows no token of the model's " + vocab + " here");
        return n;
    }
}
