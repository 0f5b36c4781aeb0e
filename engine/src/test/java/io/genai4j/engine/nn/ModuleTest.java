package io.genai4j.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** A toy block with nested names like a GPT's h.0.attn.c_attn.weight. */
    static final class Block extends Module {
        final Linear cAttn;
        final LayerNorm ln;

        Block(Rng rng) {
            Module attn = add("attn", new Module() {});
            cAttn = attn.add("c_attn", new Linear(4, 12, true, rng));
            ln = add("ln_1", new LayerNorm(4));
        }
    }

    static final class Net extends Module {
        Net(Rng rng) {
            Module h = add("h", new Module() {});
            h.add("0", new Block(rng));
            h.add("1", new Block(rng));
        }
    }

    @Test
    void hierarchicalNamesFollowTheTree() {
        Net net = new Net(new Rng(1));
        assertEquals(List.of(
                "h.0.attn.c_attn.weight", "h.0.attn.c_attn.bias", "h.0.ln_1.weight", "h.0.ln_1.bias",
                "h.1.attn.c_attn.weight", "h.1.attn.c_attn.bias", "h.1.ln_1.weight", "h.1.ln_1.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(2 * (4 * 12 + 12 + 4 + 4), net.numParameters());
    }

    @Test
    void loadStateDictCopiesValuesAndNamesProblems() {
        Net a = new Net(new Rng(1)), b = new Net(new Rng(2));
        b.loadStateDict(a.stateDict(), true);
        assertArrayEquals(a.stateDict().get("h.1.attn.c_attn.weight").toArray(), b.stateDict().get("h.1.attn.c_attn.weight").toArray());

        Map<String, Tensor> partial = new HashMap<>(a.stateDict());
        partial.remove("h.0.ln_1.bias");
        partial.put("h.9.extra", Tensor.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(partial, true));
        assertTrue(e.getMessage().contains("missing [h.0.ln_1.bias]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected [h.9.extra]"), e.getMessage());

        Map<String, Tensor> wrong = new HashMap<>(a.stateDict());
        wrong.put("h.0.ln_1.bias", Tensor.zeros(5));
        e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(wrong, true));
        assertTrue(e.getMessage().contains("h.0.ln_1.bias has shape [5]"), e.getMessage());
    }

    @Test
    void loadStateDictConvertsHalfPrecision() {
        Linear l = new Linear(2, 2, false, new Rng(3));
        Tensor w = Tensor.of(new float[] {0.5f, -1.25f, 2f, 3.75f}, 2, 2);
        l.loadStateDict(Map.of("weight", w.to(DType.BF16)), true);
        assertArrayEquals(w.toArray(), l.weight.toArray());
    }

    @Test
    void linearIsXTimesWTransposedPlusBias() {
        Linear l = new Linear(3, 2, true, new Rng(4));
        float[] w = l.weight.toArray(), b = l.bias.toArray();
        float[] x = {1, 2, 3};
        float[] y = l.forward(Tensor.of(x, 1, 3)).toArray();
        for (int o = 0; o < 2; o++) {
            float e = b[o];
            for (int i = 0; i < 3; i++) e += x[i] * w[o * 3 + i];
            assertEquals(e, y[o], 1e-6);
        }
        // PyTorch's default init: U(±1/√in)
        for (float v : w) assertTrue(Math.abs(v) <= 1 / Math.sqrt(3) + 1e-6);
    }

    @Test
    void freezeAndEvalMode() {
        Rng rng = new Rng(5);
        Sequential s = new Sequential(new Linear(2, 2, true, rng), new Dropout(0.5f, rng));
        s.eval();
        assertFalse(s.isTraining());
        Tensor x = Tensor.ones(3, 2);
        assertArrayEquals(s.forward(x).toArray(), s.forward(x).toArray());   // no dropout in eval
        s.freeze();
        for (Tensor p : s.parameters()) assertFalse(p.requiresGrad());
    }

    @Test
    void strictLoadFromASourceNamesItInTheError() {
        Linear lin = new Linear(2, 3, true, new Rng(1));
        Map<String, Tensor> state = new HashMap<>(new Linear(2, 3, true, new Rng(2)).stateDict());
        lin.loadStateDict(state, "w.safetensors");
        assertArrayEquals(state.get("weight").toArray(), lin.weight.toArray());
        state.remove("bias");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lin.loadStateDict(state, "w.safetensors"));
        assertTrue(e.getMessage().startsWith("w.safetensors: ") && e.getMessage().contains("bias"), e.getMessage());
    }
}
