package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.LSTM;
import io.genai4j.engine.nn.LSTMCell;
import io.genai4j.engine.nn.RNN;
import io.genai4j.engine.nn.RNNCell;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LSTM and Elman RNN (engine.nn) by finite differences — the cell, a multi-layer bidirectional
 * sequence with padding through time, initial states — and one LSTM step against its equations
 * computed by hand in double precision.
 */
class LstmGradientCheckTest {

    @Test
    void lstmCellGradientsForInputBothStatesAndEveryParameter() {
        LSTMCell cell = new LSTMCell(3, 4, new Rng(1));
        check(t -> {
            LSTMCell.State s = cell.forward(t[0], new LSTMCell.State(t[1], t[2]));
            return F.cat(-1, s.h(), s.c());
        }, rand(2, -1, 1, 2, 3), rand(3, -1, 1, 2, 4), rand(4, -1, 1, 2, 4));
        Tensor x = rand(5, -1, 1, 2, 3), h = rand(6, -1, 1, 2, 4), c = rand(7, -1, 1, 2, 4);
        assertEquals(4, cell.parameters().size());
        for (Tensor p : cell.parameters()) {
            check(t -> {
                LSTMCell.State s = cell.forward(x, new LSTMCell.State(h, c));
                return F.cat(-1, s.h(), s.c());
            }, p);
        }
    }

    @Test
    void lstmBidirectionalTwoLayerBpttWithPaddingAndInitialState() {
        LSTM lstm = new LSTM(3, 2, 2, true, new Rng(8));
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 0, 0}, 2, 4);   // second sequence: 2 real steps
        check(t -> lstm.forward(t[0], mask).output(), rand(9, -1, 1, 2, 4, 3));
        check(t -> lstm.forward(t[0], mask).c(), rand(10, -1, 1, 2, 4, 3));
        Tensor x = rand(11, -1, 1, 2, 4, 3);
        check(t -> lstm.forward(x, mask, new LSTMCell.State(t[0], t[1])).h(), rand(12, -1, 1, 4, 2, 2), rand(13, -1, 1, 4, 2, 2));
        List<Tensor> ps = lstm.parameters();
        assertEquals(16, ps.size());
        for (Tensor p : List.of(ps.get(0), ps.get(5), ps.get(10), ps.get(15))) check(t -> lstm.forward(x, mask).output(), p);
    }

    @Test
    void lstmPaddedStepsDoNotChangeTheFinalStates() {
        LSTM lstm = new LSTM(3, 4, 1, true, new Rng(14));
        Tensor seq = rand(15, -1, 1, 1, 2, 3);
        Tensor padded = F.cat(1, seq, rand(16, -5, 5, 1, 3, 3));
        try (Grad g = Grad.off()) {
            LSTM.Output a = lstm.forward(seq, null), b = lstm.forward(padded, Tensor.of(new float[] {1, 1, 0, 0, 0}, 1, 5));
            assertArrayEquals(a.h().toArray(), b.h().toArray(), 1e-6f);
            assertArrayEquals(a.c().toArray(), b.c().toArray(), 1e-6f);
        }
    }

    @Test
    void lstmOneStepMatchesTheEquations() {
        LSTMCell cell = new LSTMCell(2, 2, new Rng(17));
        float[] x = {0.5f, -1f}, h = {0.25f, 0.75f}, c = {-0.5f, 0.3f};
        float[] wi = cell.weightIh.toArray(), wh = cell.weightHh.toArray(), bi = cell.biasIh.toArray(), bh = cell.biasHh.toArray();
        double[] wantH = new double[2], wantC = new double[2];
        for (int j = 0; j < 2; j++) {
            double[] a = new double[4];   // pre-activations of i, f, g, o for unit j
            for (int g = 0; g < 4; g++) {
                int row = g * 2 + j;
                a[g] = bi[row] + bh[row] + wi[row * 2] * x[0] + wi[row * 2 + 1] * x[1] + wh[row * 2] * h[0] + wh[row * 2 + 1] * h[1];
            }
            double i = sigmoid(a[0]), f = sigmoid(a[1]), gg = Math.tanh(a[2]), o = sigmoid(a[3]);
            wantC[j] = f * c[j] + i * gg;
            wantH[j] = o * Math.tanh(wantC[j]);
        }
        try (Grad g = Grad.off()) {
            LSTMCell.State s = cell.forward(Tensor.of(x, 1, 2), new LSTMCell.State(Tensor.of(h, 1, 2), Tensor.of(c, 1, 2)));
            for (int j = 0; j < 2; j++) {
                assertEquals(wantH[j], s.h().get(0, j), 1e-6);
                assertEquals(wantC[j], s.c().get(0, j), 1e-6);
            }
        }
    }

    @Test
    void rnnCellAndBidirectionalLayerGradients() {
        RNNCell cell = new RNNCell(3, 4, new Rng(18));
        check(t -> cell.forward(t[0], t[1]), rand(19, -1, 1, 2, 3), rand(20, -1, 1, 2, 4));
        Tensor x0 = rand(21, -1, 1, 2, 3), h0 = rand(22, -1, 1, 2, 4);
        for (Tensor p : cell.parameters()) check(t -> cell.forward(x0, h0), p);
        RNN rnn = new RNN(3, 2, 2, true, new Rng(23));
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 1, 1, 0, 0, 0}, 2, 4);
        check(t -> rnn.forward(t[0], mask).output(), rand(24, -1, 1, 2, 4, 3));
        Tensor x = rand(25, -1, 1, 2, 4, 3);
        check(t -> rnn.forward(x, mask, t[0]).hidden(), rand(26, -1, 1, 4, 2, 2));
        for (Tensor p : rnn.parameters()) check(t -> rnn.forward(x, mask).hidden(), p);
    }

    @Test
    void rnnStepIsTanhOfTheAffineSum() {
        RNNCell cell = new RNNCell(1, 1, new Rng(27));
        float w = cell.weightIh.item(), u = cell.weightHh.item(), b = cell.biasIh.item() + cell.biasHh.item();
        try (Grad g = Grad.off()) {
            float got = cell.forward(Tensor.of(new float[] {0.7f}, 1, 1), Tensor.of(new float[] {-0.4f}, 1, 1)).item();
            assertEquals(Math.tanh(w * 0.7 + u * -0.4 + b), got, 1e-6);
        }
    }

    @Test
    void gruCarriesAnInitialStateAndItsGradient() {
        io.genai4j.engine.nn.GRU gru = new io.genai4j.engine.nn.GRU(3, 2, 2, false, new Rng(28));
        Tensor x = rand(29, -1, 1, 2, 3, 3);
        check(t -> gru.forward(x, null, t[0]).output(), rand(30, -1, 1, 2, 2, 2));
        try (Grad g = Grad.off()) {
            // running 3 steps, then 3 more from the carried state, equals running 6 steps at once
            Tensor x2 = rand(31, -1, 1, 2, 3, 3);
            var first = gru.forward(x, null);
            var second = gru.forward(x2, null, first.hidden());
            var whole = gru.forward(F.cat(1, x, x2), null);
            assertArrayEquals(whole.hidden().toArray(), second.hidden().toArray(), 1e-6f);
        }
    }

    @Test
    void fusedCellOpsAndUnbindHaveTheirGradients() {
        check(t -> Recurrence.lstm(t[0], t[1]), rand(32, -2, 2, 3, 8), rand(33, -1, 1, 3, 2));
        check(t -> Recurrence.gru(t[0], t[1], t[2]), rand(34, -2, 2, 3, 6), rand(35, -2, 2, 3, 6), rand(36, -1, 1, 3, 2));
        // slices used once, twice and never: the shared buffer must add up exactly those contributions
        check(t -> {
            Tensor[] s = Recurrence.unbind(t[0].mul(2f), 1);
            return F.cat(-1, s[0].tanh(), s[2].mul(s[2]), s[0].sigmoid());
        }, rand(37, -1, 1, 2, 4, 3));
        check(t -> F.stack(0, Recurrence.unbind(t[0], 0)).mul(t[0]), rand(38, -1, 1, 3, 2));
        try (Grad g = Grad.off()) {
            Tensor x = rand(39, -1, 1, 2, 3);
            assertArrayEquals(x.select(1, 2).contiguous().toArray(), Recurrence.unbind(x, 1)[2].contiguous().toArray());
        }
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
