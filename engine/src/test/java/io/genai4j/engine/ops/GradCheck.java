package io.genai4j.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Finite-difference gradient check. The function's output is reduced to a scalar with fixed random
 * weights, L = Σ out ⊙ R, so every output element contributes; each input element is perturbed by
 * ±h and (L⁺ − L⁻)/2h (accumulated in double) is compared with the autograd gradient.
 */
public final class GradCheck {
    private GradCheck() {}

    public static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(f, 1e-2f, 2e-2, inputs);
    }

    public static void check(Function<Tensor[], Tensor> f, float h, double tol, Tensor... inputs) {
        for (Tensor in : inputs) in.requiresGrad(true).zeroGrad();
        Tensor out = f.apply(inputs);
        Tensor r = Tensor.randn(new Rng(99), out.shape());
        out.mul(r).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor in = inputs[k];
            assertNotNull(in.grad(), "input " + k + " received no gradient");
            assertEquals(Arrays.toString(in.shape()), Arrays.toString(in.grad().shape()), "gradient shape of input " + k);
            float[] analytic = in.grad().toArray();
            float[] data = in.data();
            for (int i = 0; i < in.numel(); i++) {
                int p = in.offset() + i;   // inputs are contiguous leaves
                float saved = data[p];
                data[p] = saved + h;
                double plus = loss(f, inputs, r);
                data[p] = saved - h;
                double minus = loss(f, inputs, r);
                data[p] = saved;
                double numeric = (plus - minus) / (2 * h);
                double err = Math.abs(numeric - analytic[i]);
                if (err > tol * Math.max(1.0, Math.abs(numeric))) {
                    fail("input " + k + " element " + i + ": autograd " + analytic[i] + " vs finite difference " + numeric);
                }
            }
        }
    }

    private static double loss(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor r) {
        try (Grad g = Grad.off()) {
            float[] o = f.apply(inputs).toArray(), w = r.toArray();
            double s = 0;
            for (int i = 0; i < o.length; i++) s += (double) o[i] * w[i];
            return s;
        }
    }

    /** A random tensor with values in [lo, hi). */
    public static Tensor rand(long seed, float lo, float hi, int... shape) {
        return Tensor.uniform(new Rng(seed), lo, hi, shape);
    }
}
