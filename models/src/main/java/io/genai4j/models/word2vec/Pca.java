package io.genai4j.models.word2vec;

/**
 * Principal component analysis of a few vectors, for a 2-D picture: centre them, then find the
 * top eigenvectors of the covariance C = XᵀX/n by power iteration (x ← C·x / ‖C·x‖), removing each
 * found component before looking for the next. Returns each vector's coordinates on them.
 */
public final class Pca {
    private Pca() {}

    /** rows [n][d] → coordinates [n][k] on the top k principal components. */
    public static double[][] project(float[][] rows, int k) {
        int n = rows.length, d = rows[0].length;
        double[][] x = new double[n][d];
        double[] mean = new double[d];
        for (float[] r : rows) for (int j = 0; j < d; j++) mean[j] += r[j] / (double) n;
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i][j] = rows[i][j] - mean[j];
        double[][] comps = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = 1.0 / Math.sqrt(d) * (1 + 0.01 * ((j * 7919 + c * 104729) % 17));   // fixed start
            for (int it = 0; it < 500; it++) {
                double[] w = new double[d];
                for (double[] row : x) {                                 // w = Xᵀ(X·v)
                    double p = dot(row, v);
                    for (int j = 0; j < d; j++) w[j] += p * row[j];
                }
                for (int prev = 0; prev < c; prev++) {                   // stay orthogonal to earlier components
                    double p = dot(w, comps[prev]);
                    for (int j = 0; j < d; j++) w[j] -= p * comps[prev][j];
                }
                double norm = Math.sqrt(dot(w, w));
                if (norm == 0) break;
                double change = 0;
                for (int j = 0; j < d; j++) {
                    double nv = w[j] / norm;
                    change += Math.abs(nv - v[j]);
                    v[j] = nv;
                }
                if (change < 1e-10) break;
            }
            comps[c] = v;
        }
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) out[i][c] = dot(x[i], comps[c]);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
