package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PeerDiffTest {
    @Test
    void stepDifferenceIgnoresEntriesWhoseGradientIsNearZero() {
        float[] ours = {1f, 2f, 3f}, theirs = {1f, 2.5f, 3.001f}, grads = {1f, 1e-6f, 0.5f};
        assertEquals(0.001, PeerDiff.stepDifference(ours, theirs, grads), 1e-6);
        assertEquals(0.5, PeerDiff.maxAbs(ours, theirs), 1e-6);
        assertEquals(0.5 / 3.001, PeerDiff.maxRelative(ours, theirs), 1e-6);
    }

    @Test
    void aPeerThatReturnsTheWrongNumberOfValuesIsABug() {
        assertThrows(IllegalStateException.class, () -> PeerDiff.maxAbs(new float[2], new float[3]));
    }

    @Test
    void sciKeepsThreeSignificantDigits() {
        assertEquals(1.23e-5, PeerDiff.sci(1.23456e-5), 1e-12);
    }
}
