package io.genai4j.models.generative;

/**
 * The Fréchet distance between two Gaussians fitted to two sets of feature vectors (Heusel et al.
 * 2017, "FID" when the features are Inception's; here a digit classifier's):
 * <pre>
 *   d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2·(Σ₁Σ₂)^½)
 * </pre>
 * Σ₁Σ₂ is not symmetric, but it is similar to the symmetric PSD matrix Σ₁^½·Σ₂·Σ₁^½, which has the
 * same eigenvalues; so tr((Σ₁Σ₂)^½) = Σ √λᵢ(Σ₁^½·Σ₂·Σ₁^½), with both square roots from symmetric
 * eigen-decompositions (negative rounding noise in λ clipped to 0). Covariances are the unbiased
 * sample covariances (n − 1), as numpy's {@code np.cov} and the reference FID code use.
 */
public final class FrechetDistance {
    /** The mean and covariance of a set of vectors. */
    public record Gaussian(double[] mean, double[][] cov, int count) {
        public static Gaussian fit(float[][] rows) {
            int n = rows.length;
            if (n < 2) throw new IllegalArgumentException("a covariance needs at least 2 vectors, got " + n);
            int d = rows[0].length;
            double[] mu = new double[d];
            for (float[] r : rows) {
                if (r.length != d) throw new IllegalArgumentException("vectors of different lengths: " + r.length + " and " + d);
                for (int j = 0; j < d; j++) mu[j] += r[j];
            }
            for (int j = 0; j < d; j++) mu[j] /= n;
            double[][] cov = new double[d][d];
            double[] c = new double[d];
            for (float[] r : rows) {
                for (int j = 0; j < d; j++) c[j] = r[j] - mu[j];
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) cov[i][j] += c[i] * c[j];
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov[i][j] /= n - 1;
                    cov[j][i] = cov[i][j];
                }
            }
            return new Gaussian(mu, cov, n);
        }
    }

    private FrechetDistance() {}

    public static double between(float[][] a, float[][] b) {
        return between(Gaussian.fit(a), Gaussian.fit(b));
    }

    public static double between(Gaussian a, Gaussian b) {
        int d = a.mean.length;
        if (b.mean.length != d) throw new IllegalArgumentException("features of " + d + " and " + b.mean.length + " dimensions");
        double meanTerm = 0, trace = 0;
        for (int j = 0; j < d; j++) {
            double diff = a.mean[j] - b.mean[j];
            meanTerm += diff * diff;
            trace += a.cov[j][j] + b.cov[j][j];
        }
        double[][] root = SymmetricEigen.of(a.cov).apply(l -> Math.sqrt(Math.max(l, 0)));
        double[][] m = multiply(multiply(root, b.cov), root);
        double crossTrace = 0;
        for (double l : SymmetricEigen.of(symmetrize(m)).values()) crossTrace += Math.sqrt(Math.max(l, 0));
        return meanTerm + trace - 2 * crossTrace;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length, k = y.length, m = y[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double xi = x[i][p];
                for (int j = 0; j < m; j++) out[i][j] += xi * y[p][j];
            }
        }
        return out;
    }

    /** (M + Mᵀ)/2: removes the rounding asymmetry of a product that is symmetric in exact arithmetic. */
    private static double[][] symmetrize(double[][] m) {
        int n = m.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) out[i][j] = (m[i][j] + m[j][i]) / 2;
        }
        return out;
    }
}
