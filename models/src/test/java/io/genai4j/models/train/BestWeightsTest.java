package io.genai4j.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.nn.Linear;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BestWeightsTest {
    @Test
    void restoresTheWeightsAsTheyWereWhenKeptNotAsTheyAreLater() {
        Linear lin = new Linear(3, 2, true, new Rng(1));
        float[] w = lin.weight.toArray(), b = lin.bias.toArray();
        BestWeights best = new BestWeights(lin);
        best.keep(7);
        Arrays.fill(lin.weight.data(), lin.weight.offset(), lin.weight.offset() + w.length, 9f);   // training goes on
        Arrays.fill(lin.bias.data(), lin.bias.offset(), lin.bias.offset() + b.length, -9f);
        best.restore();
        assertArrayEquals(w, lin.weight.toArray());
        assertArrayEquals(b, lin.bias.toArray());
        assertEquals(7, best.step());
    }

    @Test
    void withNothingKeptTheModelStaysAsItIs() {
        Linear lin = new Linear(2, 2, false, new Rng(2));
        Arrays.fill(lin.weight.data(), lin.weight.offset(), lin.weight.offset() + 4, 0.5f);
        BestWeights best = new BestWeights(lin);
        best.restore();
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, lin.weight.toArray());
        assertEquals(0, best.step());
    }
}
