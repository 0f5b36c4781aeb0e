package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final double[] P = {0.1, 0.5, 0.3, 0.1};

    @Test
    void temperatureZeroAndTopOneAreGreedy() {
        assertEquals(1, new Sampler(0, 0, 1).sample(P, 4));
        Sampler top1 = new Sampler(1.5, 1, 2);
        for (int i = 0; i < 100; i++) assertEquals(1, top1.sample(P, 4));
    }

    @Test
    void frequenciesFollowTheReshapedDistribution() {
        int n = 40_000;
        int[] plain = counts(new Sampler(1, 0, 3), n), topTwo = counts(new Sampler(1, 2, 4), n), cold = counts(new Sampler(0.5, 0, 5), n);
        for (int i = 0; i < 4; i++) assertEquals(P[i], plain[i] / (double) n, 0.01);
        assertEquals(0, topTwo[0] + topTwo[3]);
        assertEquals(0.5 / 0.8, topTwo[1] / (double) n, 0.01);
        // T = 0.5 squares the probabilities: 0.25 / (0.01 + 0.25 + 0.09 + 0.01)
        assertEquals(0.25 / 0.36, cold[1] / (double) n, 0.01);
    }

    private static int[] counts(Sampler s, int n) {
        int[] c = new int[4];
        for (int i = 0; i < n; i++) c[s.sample(P, 4)]++;
        return c;
    }
}
