package io.genai4j.models.bert;

import io.genai4j.engine.Tensor;
import java.util.Locale;

/**
 * From token states to one sentence vector.
 * <pre>
 *   MEAN:  e = Σ_t m_t·h_t / Σ_t m_t      (m = attention mask; sentence-transformers, all-MiniLM-L6-v2)
 *   CLS:   e = h_0                         (the [CLS] state; BGE)
 * </pre>
 * followed, for embeddings, by L2 normalisation e/‖e‖ so that a dot product is the cosine.
 */
public enum Pooling {
    MEAN, CLS;

    public static Pooling parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown pooling '" + s + "': expected mean or cls");
        }
    }

    /** hidden [B, T, H] and mask [B·T] → [B][H] (not normalised). */
    public float[][] pool(Tensor hidden, int[] mask) {
        int b = hidden.size(0), t = hidden.size(1), h = hidden.size(2);
        Tensor c = hidden.contiguous();
        float[] d = c.data();
        int off = c.offset();
        float[][] out = new float[b][h];
        for (int i = 0; i < b; i++) {
            float[] e = out[i];
            if (this == CLS) {
                System.arraycopy(d, off + i * t * h, e, 0, h);
                continue;
            }
            int n = 0;
            for (int j = 0; j < t; j++) {
                if (mask[i * t + j] == 0) continue;
                n++;
                int p = off + (i * t + j) * h;
                for (int k = 0; k < h; k++) e[k] += d[p + k];
            }
            float inv = 1f / Math.max(n, 1);   // sentence-transformers clamps the count at 1e-9
            for (int k = 0; k < h; k++) e[k] *= inv;
        }
        return out;
    }

    /** v/‖v‖ in place (a zero vector stays zero), as torch.nn.functional.normalize with eps 1e-12. */
    public static float[] l2Normalize(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        float inv = (float) (1 / Math.max(Math.sqrt(s), 1e-12));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return v;
    }

    /** Cosine similarity. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.max(Math.sqrt(na * nb), 1e-12);
    }
}
