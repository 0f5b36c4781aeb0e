package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;
import org.junit.jupiter.api.Test;

/** F.linear: equal to x·Wᵀ + b, gradients by finite differences. */
class AffineTest {
    @Test
    void equalsMatmulPlusBias() {
        Tensor x = rand(1, -1, 1, 2, 3, 5), w = rand(2, -1, 1, 4, 5), b = rand(3, -1, 1, 4);
        assertArrayEquals(x.matmul(w.mT()).add(b).toArray(), F.linear(x, w, b).toArray(), 1e-6f);
        assertArrayEquals(x.matmul(w.mT()).toArray(), F.linear(x, w, null).toArray(), 1e-6f);
        assertArrayEquals(new int[] {2, 3, 4}, F.linear(x, w, b).shape());
        Linear lin = new Linear(5, 4, true, new io.genai4j.engine.Rng(4));
        assertArrayEquals(lin.forward(x).toArray(), F.linear(x, lin.weight, lin.bias).toArray(), 1e-6f);
    }

    @Test
    void gradientsForInputWeightAndBias() {
        check(t -> F.linear(t[0], t[1], t[2]), rand(5, -1, 1, 2, 3, 4), rand(6, -1, 1, 3, 4), rand(7, -1, 1, 3));
        check(t -> F.linear(t[0], t[1], null), rand(8, -1, 1, 3, 4), rand(9, -1, 1, 2, 4));
        check(t -> F.linear(t[0].mT(), t[1], t[2]), rand(10, -1, 1, 4, 3), rand(11, -1, 1, 2, 4), rand(12, -1, 1, 2));   // strided input
    }

    @Test
    void shapeErrorsAreClear() {
        var e = assertThrows(IllegalArgumentException.class, () -> F.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null));
        assertEquals("linear input [2, 3] does not end in 5 features", e.getMessage());
    }
}
