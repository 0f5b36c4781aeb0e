package io.genai4j.engine.io.gguf;

import java.util.Arrays;

/**
 * One tensor of a GGUF file. {@code ne} are ggml's dimensions, fastest-varying first (a PyTorch
 * weight [out, in] has ne = [in, out]); {@link #shape()} gives the usual row-major order. The offset
 * is relative to the start of the data section.
 */
public record GgufTensorInfo(String name, long[] ne, GgmlType type, long offset, long byteSize) {

    public GgufTensorInfo {
        ne = ne.clone();
    }

    @Override
    public long[] ne() {
        return ne.clone();
    }

    /** Row-major shape (ne reversed). */
    public long[] shape() {
        long[] s = new long[ne.length];
        for (int i = 0; i < ne.length; i++) s[i] = ne[ne.length - 1 - i];
        return s;
    }

    public long numel() {
        long n = 1;
        for (long d : ne) n *= d;
        return n;
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(shape());
    }
}
