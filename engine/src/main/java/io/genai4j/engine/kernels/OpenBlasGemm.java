package io.genai4j.engine.kernels;

/** SGEMM through a native OpenBLAS via the FFM API. (Placeholder until the FFM binding lands.) */
public final class OpenBlasGemm {
    private OpenBlasGemm() {}

    public static Gemm load() {
        throw new IllegalStateException("the OpenBLAS backend is not available in this build");
    }
}
