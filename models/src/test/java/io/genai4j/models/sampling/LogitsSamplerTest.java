package io.genai4j.models.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogitsSamplerTest {
    private static final float[] LOGITS = {1f, 3f, -2f, 2f, 0f};

    @Test
    void greedyIsArgmax() {
        assertEquals(1, new LogitsSampler(0f, 0, 1f, 1).sample(LOGITS, 0, 5));
    }

    @Test
    void candidatesAreSortedAndRenormalised() {
        var c = new LogitsSampler(1f, 0, 1f, 1).candidates(LOGITS, 0, 5);
        assertArrayEquals(new int[] {1, 3, 0, 4, 2}, c.ids());
        double z = 0;
        for (float l : LOGITS) z += Math.exp(l);
        assertEquals(Math.exp(3) / z, c.probs()[0], 1e-6);
    }

    @Test
    void topKAndTopPCutTheTail() {
        var k = new LogitsSampler(1f, 2, 1f, 1).candidates(LOGITS, 0, 5);
        assertArrayEquals(new int[] {1, 3}, k.ids());
        assertEquals(1.0, k.probs()[0] + k.probs()[1], 1e-6);
        // p(1) ≈ 0.64, p(1)+p(3) ≈ 0.87: top-p 0.8 keeps two tokens, top-p 0.5 keeps one.
        assertEquals(2, new LogitsSampler(1f, 0, 0.8f, 1).candidates(LOGITS, 0, 5).ids().length);
        assertEquals(1, new LogitsSampler(1f, 0, 0.5f, 1).candidates(LOGITS, 0, 5).ids().length);
    }

    @Test
    void samplingFollowsTheDistributionAndIsSeeded() {
        LogitsSampler s = new LogitsSampler(1f, 0, 1f, 42);
        int[] counts = new int[5];
        for (int i = 0; i < 20000; i++) counts[s.sample(LOGITS, 0, 5)]++;
        double z = 0;
        for (float l : LOGITS) z += Math.exp(l);
        for (int i = 0; i < 5; i++) assertEquals(Math.exp(LOGITS[i]) / z, counts[i] / 20000.0, 0.015, "token " + i);
        LogitsSampler a = new LogitsSampler(0.7f, 3, 0.9f, 7), b = new LogitsSampler(0.7f, 3, 0.9f, 7);
        for (int i = 0; i < 50; i++) assertEquals(a.sample(LOGITS, 0, 5), b.sample(LOGITS, 0, 5));
        assertTrue(counts[2] > 0);
    }

    @Test
    void negativeAndNanFreeOrderingOfFloats() {
        float[] l = {-0.5f, -3f, 0f, -0.25f};
        assertArrayEquals(new int[] {2, 3, 0, 1}, LogitsSampler.byFallingLogit(l, 0, 4));
    }
}
