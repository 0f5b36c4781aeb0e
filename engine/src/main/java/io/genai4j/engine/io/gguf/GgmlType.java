package io.genai4j.engine.io.gguf;

import io.genai4j.engine.DType;

/**
 * ggml's tensor types as GGUF numbers them (enum ggml_type), with their block geometry. Every type
 * llama.cpp writes is listed so that a file's sizes and offsets can be validated and `inspect` can
 * show it; {@link #dtype()} is null for the types genai4j cannot compute with yet.
 */
public enum GgmlType {
    F32(0, DType.F32, 1, 4), F16(1, DType.F16, 1, 2), Q4_0(2, DType.Q4_0, 32, 18), Q4_1(3, DType.Q4_1, 32, 20),
    Q5_0(6, DType.Q5_0, 32, 22), Q5_1(7, DType.Q5_1, 32, 24), Q8_0(8, DType.Q8_0, 32, 34), Q8_1(9, null, 32, 36),
    Q2_K(10, null, 256, 84), Q3_K(11, null, 256, 110), Q4_K(12, DType.Q4_K, 256, 144), Q5_K(13, DType.Q5_K, 256, 176),
    Q6_K(14, DType.Q6_K, 256, 210), Q8_K(15, null, 256, 292), IQ2_XXS(16, null, 256, 66), IQ2_XS(17, null, 256, 74),
    IQ3_XXS(18, null, 256, 98), IQ1_S(19, null, 256, 50), IQ4_NL(20, null, 32, 18), IQ3_S(21, null, 256, 110),
    IQ2_S(22, null, 256, 82), IQ4_XS(23, null, 256, 136), I8(24, DType.I8, 1, 1), I16(25, DType.I16, 1, 2),
    I32(26, DType.I32, 1, 4), I64(27, DType.I64, 1, 8), F64(28, DType.F64, 1, 8), IQ1_M(29, null, 256, 56),
    BF16(30, DType.BF16, 1, 2), TQ1_0(34, null, 256, 54), TQ2_0(35, null, 256, 66), MXFP4(39, null, 32, 17);

    private final int id;
    private final DType dtype;
    private final int blockSize, blockBytes;

    GgmlType(int id, DType dtype, int blockSize, int blockBytes) {
        this.id = id;
        this.dtype = dtype;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    public int id() {
        return id;
    }

    /** The engine's dtype, or null when genai4j cannot decode this type. */
    public DType dtype() {
        return dtype;
    }

    public int blockSize() {
        return blockSize;
    }

    public int blockBytes() {
        return blockBytes;
    }

    /** The type with this GGUF id, or null. */
    public static GgmlType byId(long id) {
        for (GgmlType t : values()) if (t.id == id) return t;
        return null;
    }

    /** The GGUF type of an engine dtype; a clear error for dtypes GGUF cannot hold. */
    public static GgmlType of(DType d) {
        for (GgmlType t : values()) if (t.dtype == d) return t;
        throw new IllegalArgumentException("GGUF has no tensor type for " + d);
    }
}
