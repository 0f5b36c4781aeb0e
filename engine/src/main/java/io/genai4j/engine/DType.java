package io.genai4j.engine;

import java.util.Locale;

/**
 * Element types. The engine computes in F32; the other types are storage formats that tensors are
 * converted from (weights in F16/BF16, integer buffers in checkpoints) or that kernels read directly.
 *
 * <p>The quantized types are ggml's block formats (llama.cpp's GGUF files): a block of
 * {@link #blockSize()} consecutive elements of a row is stored in {@link #blockBytes()} bytes, scales
 * first. They have no per-element size, so {@link #bytes()} refuses them; use {@link #bytesFor}.
 * Dequantization lives in {@code io.genai4j.engine.quant}.
 */
public enum DType {
    F32(4), F16(2), BF16(2), F64(8),
    I8(1), U8(1), I16(2), U16(2), I32(4), U32(4), I64(8), U64(8), BOOL(1),
    /** 32 elements: f16 scale d, 32 × int8.  x = d·q. */
    Q8_0(34, 32),
    /** 32 elements: f16 scale d, 16 bytes of nibbles.  x = d·(q − 8). */
    Q4_0(18, 32),
    /** 32 elements: f16 scale d, f16 min m, 16 bytes of nibbles.  x = d·q + m. */
    Q4_1(20, 32),
    /** 32 elements: f16 d, 32 high bits, 16 bytes of nibbles.  x = d·(q − 16), q 5-bit. */
    Q5_0(22, 32),
    /** 32 elements: f16 d, f16 m, 32 high bits, 16 bytes of nibbles.  x = d·q + m. */
    Q5_1(24, 32),
    /** 256 elements: f16 d, f16 dmin, 12 bytes of 6-bit scales/mins for 8 sub-blocks, 128 bytes of nibbles. */
    Q4_K(144, 256),
    /** 256 elements: as Q4_K plus 32 bytes holding the fifth bit of every quant. */
    Q5_K(176, 256),
    /** 256 elements: 128 bytes low nibbles, 64 bytes high 2 bits, 16 int8 scales, f16 d. */
    Q6_K(210, 256);

    private final int blockBytes;
    private final int blockSize;

    DType(int bytes) {
        this(bytes, 1);
    }

    DType(int blockBytes, int blockSize) {
        this.blockBytes = blockBytes;
        this.blockSize = blockSize;
    }

    /** Bytes per element; a clear error for block-quantized types, which have none. */
    public int bytes() {
        if (blockSize != 1) throw new IllegalStateException(this + " is a block-quantized type: " + blockSize + " elements take " + blockBytes + " bytes");
        return blockBytes;
    }

    /** True for ggml's block-quantized formats. */
    public boolean isQuantized() {
        return blockSize != 1;
    }

    /** Elements per block (1 for plain types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block (the element size for plain types). */
    public int blockBytes() {
        return blockBytes;
    }

    /**
     * Bytes that {@code elements} consecutive elements take; for a block type the count must be a
     * whole number of blocks.
     */
    public long bytesFor(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(elements + " elements are not a whole number of " + this + " blocks of " + blockSize);
        }
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }

    /** True for floating-point types. */
    public boolean isFloat() {
        return this == F32 || this == F16 || this == BF16 || this == F64;
    }

    /** The name used in safetensors headers ("F32", "BF16", ...), or null for ggml block types. */
    public String safetensorsName() {
        return isQuantized() ? null : name();
    }

    /** Parses a safetensors dtype name; a clear error names the unknown value. */
    public static DType fromSafetensors(String name) {
        try {
            DType d = DType.valueOf(name.toUpperCase(Locale.ROOT));
            if (!d.isQuantized()) return d;
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "'");
    }
}
