package io.genai4j.engine;

import java.util.Locale;

/**
 * Element types. The engine computes in F32; the other types are storage formats that tensors are
 * converted from (weights in F16/BF16, integer buffers in checkpoints) or that kernels read directly.
 */
public enum DType {
    F32(4), F16(2), BF16(2), F64(8),
    I8(1), U8(1), I16(2), U16(2), I32(4), U32(4), I64(8), U64(8), BOOL(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** True for floating-point types. */
    public boolean isFloat() {
        return this == F32 || this == F16 || this == BF16 || this == F64;
    }

    /** The name used in safetensors headers ("F32", "BF16", ...); equal to {@link #name()}. */
    public String safetensorsName() {
        return name();
    }

    /** Parses a safetensors dtype name; a clear error names the unknown value. */
    public static DType fromSafetensors(String name) {
        try {
            return DType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dtype '" + name + "'");
        }
    }
}
