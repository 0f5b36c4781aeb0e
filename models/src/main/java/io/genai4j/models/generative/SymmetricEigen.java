package io.genai4j.models.generative;

/**
 * Eigen-decomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix by the cyclic Jacobi method: each
 * rotation zeroes one off-diagonal pair, sweeps repeat until the off-diagonal mass is negligible.
 * Slow for big matrices (O(n³) per sweep) but exact to double rounding and plenty for the 84×84
 * feature covariances of the Fréchet distance.
 */
public record SymmetricEigen(double[] values, double[][] vectors) {
    private static final int MAX_SWEEPS = 100;

    /** Decomposes a (not modified); eigenvectors are the columns of {@code vectors}. */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) throw new IllegalArgumentException("not a square matrix: row " + i + " has " + a[i].length + " entries, expected " + n);
            m[i] = a[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 1e-22 * Math.max(1e-300, diagonal(m)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] != 0) rotate(m, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = m[i][i];
        return new SymmetricEigen(values, v);
    }

    /** The rotation in the (p, q) plane that zeroes m[p][q] (Golub &amp; Van Loan, alg. 8.4.1), applied to m and accumulated in v. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {                       // columns p and q: M·J
            double mkp = m[k][p], mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {                       // rows p and q: Jᵀ·M
            double mpk = m[p][k], mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) if (i != j) s += m[i][j] * m[i][j];
        }
        return s;
    }

    private static double diagonal(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) s += m[i][i] * m[i][i];
        return s;
    }

    /** V·diag(f(λ))·Vᵀ: a function of the matrix, e.g. its square root with f = √max(λ, 0). */
    public double[][] apply(java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        double[] fl = new double[n];
        for (int i = 0; i < n; i++) fl[i] = f.applyAsDouble(values[i]);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += vectors[i][k] * fl[k] * vectors[j][k];
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}
