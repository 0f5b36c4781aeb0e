package io.genai4j.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.generative.ConvConfig;
import io.genai4j.models.generative.NoiseImages;
import io.genai4j.models.vision.Images;
import org.junit.jupiter.api.Test;

/** The grid's z (top row largest z₂), the decoded images, the digits' means and the centroid figures. */
class LatentPlaneTest {
    @Test
    void decodesTheGridRowMajorFromTheTopAndPlacesTheDigits() {
        ConvVae vae = new ConvVae(ConvConfig.mnist(2, 4), new Rng(1));
        Images digits = NoiseImages.of(7, 2);
        LatentPlane.Map m = LatentPlane.of(vae, 3, 2, digits);
        assertEquals(9, m.decoded().length);
        assertEquals(-4.0 / 3, LatentPlane.center(0, 3, 2), 1e-12);
        assertEquals(0, LatentPlane.center(1, 3, 2), 1e-12);
        try (Grad g = Grad.off()) {
            // top-left cell: z = (−4/3, +4/3)
            float[] topLeft = vae.decodeProbabilities(Tensor.of(new float[] {-4f / 3, 4f / 3}, 1, 2)).toArray();
            assertArrayEquals(topLeft, m.decoded()[0], 1e-6f);
        }
        float[] mu = VaeImages.means(vae, digits).toArray();
        for (int i = 0; i < 7; i++) {
            assertEquals(mu[2 * i], m.meanX()[i]);
            assertEquals(mu[2 * i + 1], m.meanY()[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> LatentPlane.of(new ConvVae(ConvConfig.mnist(3, 4), new Rng(1)), 3, 2, digits));
    }

    @Test
    void centroidsAndNearestCentroidAccuracy() {
        // label 0 around (−1, 0), label 1 around (+1, 0); the last digit of label 0 sits at (+2, 0), nearer label 1
        LatentPlane.Map m = new LatentPlane.Map(2, 3, new float[0][], new float[] {-1, -1, 2, 1, 1}, new float[] {1, -1, 0, 1, -1}, new int[] {0, 0, 0, 1, 1});
        double[][] c = m.centroids();
        assertEquals(0, c[0][0], 1e-12);
        assertEquals(0, c[0][1], 1e-12);
        assertEquals(1, c[1][0], 1e-12);
        // (−1, ±1) are 1.41 from c₀ and 2.24 from c₁; (2, 0) is 2 from c₀ and 1 from c₁; (1, ±1) 1.41 vs 1
        assertEquals(4 / 5.0, m.nearestCentroidAccuracy(), 1e-12);
    }
}
