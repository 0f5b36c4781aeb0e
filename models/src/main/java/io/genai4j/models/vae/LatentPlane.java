package io.genai4j.models.vae;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.vision.Images;

/**
 * The latent plane of a VAE with a 2-D code (Kingma &amp; Welling 2014, fig. 4): what the decoder draws
 * at each point of a k×k grid of z over [−extent, extent]², and where the encoder puts real digits
 * (their means μ). Together they show a smooth, organised latent space: neighbouring z decode to
 * similar digits, and each digit class occupies its own region around the prior's centre.
 */
public final class LatentPlane {
    /** Decoded images of the grid, row-major from the top row (largest z₂) down, and the digits' μ with their labels. */
    public record Map(int k, double extent, float[][] decoded, float[] meanX, float[] meanY, int[] labels) {
        /** The mean μ of each label's digits, [label][z₁, z₂] (NaN for a label with no digits). */
        public double[][] centroids() {
            int classes = 0;
            for (int l : labels) classes = Math.max(classes, l + 1);
            double[][] c = new double[classes][2];
            int[] count = new int[classes];
            for (int i = 0; i < labels.length; i++) {
                c[labels[i]][0] += meanX[i];
                c[labels[i]][1] += meanY[i];
                count[labels[i]]++;
            }
            for (int l = 0; l < classes; l++) {
                c[l][0] /= count[l];
                c[l][1] /= count[l];
            }
            return c;
        }

        /** How many digits lie nearer their own label's centroid than any other: how well the plane separates the classes. */
        public double nearestCentroidAccuracy() {
            double[][] c = centroids();
            int right = 0;
            for (int i = 0; i < labels.length; i++) {
                int best = -1;
                double bd = Double.MAX_VALUE;
                for (int l = 0; l < c.length; l++) {
                    double dx = meanX[i] - c[l][0], dy = meanY[i] - c[l][1], d = dx * dx + dy * dy;
                    if (d < bd) {
                        bd = d;
                        best = l;
                    }
                }
                if (best == labels[i]) right++;
            }
            return right / (double) labels.length;
        }
    }

    private LatentPlane() {}

    public static Map of(ConvVae vae, int k, double extent, Images digits) {
        if (vae.config.latent() != 2) throw new IllegalArgumentException("a latent map needs a VAE with --latent 2, this one has " + vae.config.latent());
        if (k < 2) throw new IllegalArgumentException("--grid must be >= 2, got " + k);
        if (!(extent > 0) || !Double.isFinite(extent)) throw new IllegalArgumentException("--extent must be a positive number, got " + extent);
        float[] z = new float[k * k * 2];
        for (int row = 0; row < k; row++) {
            for (int col = 0; col < k; col++) {
                int i = row * k + col;
                z[2 * i] = (float) center(col, k, extent);
                z[2 * i + 1] = (float) center(k - 1 - row, k, extent);
            }
        }
        float[][] decoded;
        boolean was = vae.isTraining();
        vae.eval();
        try (Grad g = Grad.off()) {
            decoded = VaeImages.rows(vae.decodeProbabilities(Tensor.of(z, k * k, 2)));
        } finally {
            vae.train(was);
        }
        float[] mu = VaeImages.means(vae, digits).toArray();
        int n = digits.size();
        float[] mx = new float[n], my = new float[n];
        for (int i = 0; i < n; i++) {
            mx[i] = mu[2 * i];
            my[i] = mu[2 * i + 1];
        }
        return new Map(k, extent, decoded, mx, my, digits.labels().clone());
    }

    /** The centre of cell i of k over [−extent, extent]. */
    public static double center(int i, int k, double extent) {
        return -extent + (i + 0.5) * 2 * extent / k;
    }
}
