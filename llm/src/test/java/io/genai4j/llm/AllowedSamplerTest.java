package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.sampling.LogitsSampler;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sampling within a mask is the model's distribution renormalized over the allowed tokens, and nothing else. */
class AllowedSamplerTest {
    @Test
    void drawsFollowTheRenormalizedSoftmaxOfTheAllowedTokens() {
        int vocab = 300;
        SplittableRandom r = new SplittableRandom(9);
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) logits[i] = (float) (r.nextGaussian() * 2);
        long[] allowed = new long[(vocab + 63) / 64];
        int[] ids = {3, 64, 65, 127, 200, 299};
        for (int id : ids) allowed[id >>> 6] |= 1L << id;
        float t = 0.7f;
        double z = 0;
        for (int id : ids) z += Math.exp(logits[id] / t);
        AllowedSampler s = new AllowedSampler(vocab);
        LogitsSampler sampler = new LogitsSampler(t, 0, 1f, 0f, 4);
        int draws = 200_000;
        int[] counts = new int[vocab];
        for (int i = 0; i < draws; i++) counts[s.sample(sampler, logits.clone(), allowed)]++;
        int inMask = 0;
        for (int id : ids) {
            inMask += counts[id];
            double p = Math.exp(logits[id] / t) / z;
            double sd = Math.sqrt(p * (1 - p) / draws);
            assertEquals(p, counts[id] / (double) draws, 5 * sd + 1e-4, "token " + id);
        }
        assertEquals(draws, inMask, "no draw outside the mask");
        LogitsSampler greedy = new LogitsSampler(0f, 0, 1f, 0f, 1);
        int best = ids[0];
        for (int id : ids) if (logits[id] > logits[best]) best = id;
        assertEquals(best, s.sample(greedy, logits, allowed), "greedy takes the best allowed token");
        assertTrue(TokenConstraint.isAllowed(allowed, 65) && !TokenConstraint.isAllowed(allowed, 66));
        float[] masked = logits.clone();
        TokenConstraint.mask(allowed, masked, 0, vocab);
        assertEquals(Float.NEGATIVE_INFINITY, masked[66]);
        assertEquals(logits[65], masked[65]);
    }

    @Test
    void candidatesAreTheAllowedTokensWithTheirRenormalizedProbabilities() {
        int vocab = 130;
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) logits[i] = (i * 37 % 11) / 3f;
        long[] allowed = new long[3];
        int[] ids = {2, 70, 129};
        for (int id : ids) allowed[id >>> 6] |= 1L << id;
        LogitsSampler.Candidates c = new AllowedSampler(vocab).candidates(new LogitsSampler(1f, 0, 1f, 0f, 4), logits, allowed);
        assertEquals(3, c.ids().length);
        double z = 0;
        for (int id : ids) z += Math.exp(logits[id]);
        for (int i = 0; i < 3; i++) {
            int id = c.ids()[i];
            assertTrue(id == 2 || id == 70 || id == 129, "an allowed vocabulary id, got " + id);
            assertEquals(Math.exp(logits[id]) / z, c.probs()[i], 1e-6);
        }
    }
}
