package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.GRU;
import io.genai4j.engine.nn.GRUCell;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GRU (engine.nn) by finite differences — cell, multi-layer bidirectional sequence with
 * padding, through time — and against the equations computed by hand in double precision.
 */
class GruGradientCheckTest {

    @Test
    void cellGradientsForInputStateAndEveryParameter() {
        GRUCell cell = new GRUCell(3, 4, new Rng(1));
        check(t -> cell.forward(t[0], t[1]), rand(2, -1, 1, 2, 3), rand(3, -1, 1, 2, 4));
        for (Tensor p : cell.parameters()) {
            check(t -> cell.forward(Tensor.of(new float[] {0.3f, -0.2f, 0.5f, 0.1f, 0.9f, -0.7f}, 2, 3),
                    Tensor.of(new float[] {0.1f, 0.2f, -0.3f, 0.4f, -0.5f, 0.6f, 0.7f, -0.8f}, 2, 4)), p);
        }
    }

    @Test
    void bidirectionalTwoLayerBpttWithPaddingMask() {
        GRU gru = new GRU(3, 2, 2, true, new Rng(4));
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 0, 0}, 2, 4);   // second sequence has 2 real steps
        check(t -> gru.forward(t[0], mask).output(), rand(5, -1, 1, 2, 4, 3));
        check(t -> gru.forward(t[0], mask).hidden(), rand(6, -1, 1, 2, 4, 3));
        List<Tensor> ps = gru.parameters();
        assertEquals(16, ps.size());
        Tensor x = rand(7, -1, 1, 2, 4, 3);
        for (Tensor p : List.of(ps.get(0), ps.get(5), ps.get(10), ps.get(15))) check(t -> gru.forward(x, mask).hidden(), p);
    }

    @Test
    void paddedStepsDoNotChangeTheFinalState() {
        GRU gru = new GRU(3, 4, 1, true, new Rng(8));
        Tensor seq = rand(9, -1, 1, 1, 2, 3);
        Tensor padded = F.cat(1, seq, rand(10, -5, 5, 1, 3, 3));   // 3 junk steps after the real ones
        try (Grad g = Grad.off()) {
            float[] a = gru.forward(seq, null).hidden().toArray();
            float[] b = gru.forward(padded, Tensor.of(new float[] {1, 1, 0, 0, 0}, 1, 5)).hidden().toArray();
            assertArrayEquals(a, b, 1e-6f, "forward and backward final states ignore the padding");
        }
    }

    @Test
    void oneStepMatchesTheEquations() {
        GRUCell cell = new GRUCell(2, 2, new Rng(11));
        float[] x = {0.5f, -1f}, h = {0.25f, 0.75f};
        float[] wi = cell.weightIh.toArray(), wh = cell.weightHh.toArray(), bi = cell.biasIh.toArray(), bh = cell.biasHh.toArray();
        double[] want = new double[2];
        for (int j = 0; j < 2; j++) {
            double[] gi = new double[3], gh = new double[3];
            for (int g = 0; g < 3; g++) {
                int row = g * 2 + j;
                gi[g] = bi[row] + wi[row * 2] * x[0] + wi[row * 2 + 1] * x[1];
                gh[g] = bh[row] + wh[row * 2] * h[0] + wh[row * 2 + 1] * h[1];
            }
            double r = 1 / (1 + Math.exp(-(gi[0] + gh[0]))), z = 1 / (1 + Math.exp(-(gi[1] + gh[1])));
            double n = Math.tanh(gi[2] + r * gh[2]);
            want[j] = (1 - z) * n + z * h[j];
        }
        try (Grad g = Grad.off()) {
            float[] got = cell.forward(Tensor.of(x, 1, 2), Tensor.of(h, 1, 2)).toArray();
            assertEquals(want[0], got[0], 1e-6);
            assertEquals(want[1], got[1], 1e-6);
        }
    }
}
