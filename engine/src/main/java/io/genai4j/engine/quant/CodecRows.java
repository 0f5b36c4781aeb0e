package io.genai4j.engine.quant;

import io.genai4j.engine.DType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Any format {@link BlockCodec} decodes (Q4_1, Q5_0, Q5_1, Q5_K, and all formats where vectors do
 * not fit the block layout): the row is copied and decoded with the scalar reference, then
 * multiplied. Correct everywhere, fast nowhere; the common formats have vector kernels.
 */
final class CodecRows implements RowKernel {
    private final DType type;
    private final ThreadLocal<byte[]> bytes = ThreadLocal.withInitial(() -> new byte[0]);
    private final ThreadLocal<float[]> floats = ThreadLocal.withInitial(() -> new float[0]);

    CodecRows(DType type) {
        this.type = type;
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        float[] row = floats.get();
        if (row.length < n) floats.set(row = new float[n]);
        decode(w, off, row, 0, n);
        float s = 0;
        for (int i = 0; i < n; i++) s += row[i] * x[xOff + i];
        return s;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        int len = (int) type.bytesFor(n);
        byte[] b = bytes.get();
        if (b.length < len) bytes.set(b = new byte[len]);
        MemorySegment.copy(w, ValueLayout.JAVA_BYTE, off, b, 0, len);
        BlockCodec.decode(type, b, 0, y, yOff, n);
    }
}
