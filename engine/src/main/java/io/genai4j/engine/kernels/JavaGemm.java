package io.genai4j.engine.kernels;

/** Pure-Java SGEMM. (Placeholder reference loop; replaced by the blocked Vector API kernel.) */
public final class JavaGemm implements Gemm {
    public static final JavaGemm INSTANCE = new JavaGemm();

    private JavaGemm() {}

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        Parallel.forRange(m, 4, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        s += av * bv;
                    }
                    int ci = cOff + i * ldc + j;
                    c[ci] = beta == 0f ? alpha * s : alpha * s + beta * c[ci];
                }
            }
        });
    }
}
