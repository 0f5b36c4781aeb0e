package io.genai4j.engine.kernels;

/**
 * Single-precision general matrix multiply, the one kernel interface a compute backend must provide:
 * <pre>  C = alpha · op(A) · op(B) + beta · C  </pre>
 * All matrices are row-major: element (i, j) of a matrix with leading dimension ld sits at
 * {@code off + i*ld + j}. op(A) is m×k: A itself (m×k, lda ≥ k) or, with transA, the transpose of a
 * stored k×m matrix (lda ≥ m). Likewise op(B) is k×n: B (k×n, ldb ≥ n) or, with transB, the
 * transpose of a stored n×k matrix (ldb ≥ k). C is m×n with ldc ≥ n. When beta is 0, C is
 * overwritten without being read (NaNs in C do not propagate), as in BLAS.
 *
 * <p>Implementations use {@link Parallel} for their threads, so a call made from inside a parallel
 * body (a batched matmul splitting over batches) runs on one thread.
 */
public interface Gemm {

    /** A short name for reports: "java", "openblas". */
    String name();

    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);
}
