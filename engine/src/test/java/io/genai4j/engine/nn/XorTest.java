package io.genai4j.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.ParamGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end: a 2-8-1 MLP learns XOR, which no linear model can. */
class XorTest {

    @Test
    void mlpLearnsXor() {
        Rng rng = new Rng(42);
        Sequential mlp = new Sequential(new Linear(2, 8, true, rng), Activation.tanh(), new Linear(8, 1, true, rng), Activation.sigmoid());
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        AdamW opt = new AdamW(List.of(new ParamGroup(mlp.parameters(), 0.0)), 0.05, 0.9, 0.999, 1e-8);
        float loss = Float.NaN;
        for (int step = 0; step < 500; step++) {
            Tensor p = mlp.forward(x);
            // binary cross-entropy: −[y·log p + (1−y)·log(1−p)]
            Tensor l = y.mul(p.log()).add(y.neg().add(1f).mul(p.neg().add(1f).log())).mean().neg();
            opt.zeroGrad();
            l.backward();
            opt.step();
            loss = l.item();
        }
        assertTrue(loss < 0.02, "final loss " + loss);
        try (Grad g = Grad.off()) {
            float[] p = mlp.forward(x).toArray();
            assertEquals(0, Math.round(p[0]));
            assertEquals(1, Math.round(p[1]));
            assertEquals(1, Math.round(p[2]));
            assertEquals(0, Math.round(p[3]));
        }
    }
}
