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
    void aGradientThatIsRoundingNoiseIsMeasuredAgainstTheModelsLargest() {
        float[] ours = {1e-9f, -2e-9f}, theirs = {-1e-9f, 1e-9f};
        assertEquals(3.0, PeerDiff.maxRelative(ours, theirs), 1e-6, "against its own largest value, noise is a 300% difference");
        assertEquals(3e-9 / 1e-5, PeerDiff.maxRelative(ours, theirs, 1e-5), 1e-9);
        float[] after = {0.1f, 0.2f}, theirsAfter = {0.11f, 0.19f};
        assertEquals(0.01, PeerDiff.stepDifference(after, theirsAfter, ours), 1e-6, "AdamW turns the noise into steps of lr's size");
        assertEquals(0, PeerDiff.stepDifference(after, theirsAfter, ours, 1e-5), "entries under 1% of the floor do not count");
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
