package io.genai4j.models.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The KL term against KL(q ‖ p) = ∫ q·log(q/p) integrated numerically, and its gradients against their derivatives. */
class ElboTest {

    @Test
    void klMatchesNumericalIntegration() {
        float[] mu = {0f, 1.5f, -0.7f, 0.3f}, logVar = {0f, -1.2f, 0.8f, -3f};
        float[] kl = Elbo.kl(new ConvVae.Posterior(Tensor.of(mu, 2, 2), Tensor.of(logVar, 2, 2))).toArray();
        for (int row = 0; row < 2; row++) {
            double expected = 0;
            for (int j = 0; j < 2; j++) expected += integratedKl(mu[row * 2 + j], Math.exp(0.5 * logVar[row * 2 + j]));
            assertEquals(expected, kl[row], 1e-4, "row " + row);
        }
    }

    @Test
    void klIsZeroOnlyAtThePrior() {
        float[] kl = Elbo.kl(new ConvVae.Posterior(Tensor.zeros(1, 3), Tensor.zeros(1, 3))).toArray();
        assertEquals(0f, kl[0], 0f);
    }

    @Test
    void klGradientsAreMuAndHalfOfSigmaSquaredMinusOne() {
        Tensor mu = Tensor.of(new float[] {0.4f, -1f}, 1, 2).requiresGrad(true);
        Tensor lv = Tensor.of(new float[] {0.5f, -0.2f}, 1, 2).requiresGrad(true);
        Elbo.kl(new ConvVae.Posterior(mu, lv)).sum().backward();
        for (int j = 0; j < 2; j++) {
            assertEquals(mu.data()[j], mu.grad().toArray()[j], 1e-6);
            assertEquals(0.5 * (Math.exp(lv.data()[j]) - 1), lv.grad().toArray()[j], 1e-6);
        }
    }

    /** ∫ N(z; m, s²)·(log N(z; m, s²) − log N(z; 0, 1)) dz by the trapezoid rule over m ± 12s. */
    private static double integratedKl(double m, double s) {
        int n = 200_000;
        double lo = m - 12 * s, h = 24 * s / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * h;
            double logQ = -0.5 * Math.log(2 * Math.PI) - Math.log(s) - (z - m) * (z - m) / (2 * s * s);
            double logP = -0.5 * Math.log(2 * Math.PI) - z * z / 2;
            double f = Math.exp(logQ) * (logQ - logP);
            sum += (i == 0 || i == n) ? f / 2 : f;
        }
        return sum * h;
    }
}
