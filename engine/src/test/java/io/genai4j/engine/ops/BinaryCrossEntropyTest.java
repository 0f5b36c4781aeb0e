package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Binary cross-entropy with logits: the textbook formula, stability far out, and a gradient check. */
class BinaryCrossEntropyTest {

    @Test
    void matchesTheTextbookFormula() {
        float[] x = {-3f, -0.5f, 0f, 0.7f, 4f}, t = {0f, 0.2f, 1f, 0.5f, 1f};
        float[] y = F.binaryCrossEntropyWithLogits(Tensor.of(x, 5), Tensor.of(t, 5)).toArray();
        for (int i = 0; i < x.length; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            assertEquals(-t[i] * Math.log(s) - (1 - t[i]) * Math.log(1 - s), y[i], 1e-6, "element " + i);
        }
    }

    @Test
    void staysFiniteForLargeLogits() {
        float[] y = F.binaryCrossEntropyWithLogits(Tensor.of(new float[] {-200f, 200f}, 2), Tensor.of(new float[] {1f, 0f}, 2)).toArray();
        assertEquals(200f, y[0], 1e-3);                        // log σ(−200) = −200 without overflow
        assertEquals(200f, y[1], 1e-3);
        assertTrue(Float.isFinite(y[0]) && Float.isFinite(y[1]));
    }

    @Test
    void gradientCheck() {
        Tensor targets = rand(31, 0, 1, 2, 3, 4);
        check(t -> F.binaryCrossEntropyWithLogits(t[0], targets), rand(30, -3, 3, 2, 3, 4));
    }

    @Test
    void targetsMustMatchAndTakeNoGradient() {
        assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropyWithLogits(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropyWithLogits(Tensor.zeros(2), Tensor.zeros(2).requiresGrad(true)));
    }
}
