package io.genai4j.engine.quant;

import io.genai4j.engine.DType;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A [rows, cols] weight matrix kept in its storage format (usually a slice of a memory-mapped
 * GGUF or safetensors file) and decoded to floats a few rows at a time, where a kernel needs them.
 * Row r occupies {@code rowBytes} bytes starting at {@code r·rowBytes}; for a block-quantized dtype
 * the blocks run along the row (ggml's layout: blocks never straddle two rows).
 */
public record WeightMatrix(MemorySegment data, DType dtype, int rows, int cols, long rowBytes) {

    public WeightMatrix {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative weight shape [" + rows + ", " + cols + "]");
        if (rowBytes != dtype.bytesFor(cols)) throw new IllegalArgumentException("row of " + cols + " " + dtype + " elements is " + dtype.bytesFor(cols) + " bytes, not " + rowBytes);
        if (data.byteSize() < rowBytes * rows) {
            throw new IllegalArgumentException("weight [" + rows + ", " + cols + "] of " + dtype + " needs " + rowBytes * rows
                    + " bytes, its data has " + data.byteSize());
        }
    }

    /**
     * The matrix behind a 2-D tensor in a segment (memory-mapped) or half-float heap storage; the
     * tensor must be contiguous and, for block types, start on a row boundary.
     */
    public static WeightMatrix of(Tensor w) {
        if (w.dim() != 2) throw new IllegalArgumentException("a weight matrix must be 2-D, got " + Arrays.toString(w.shape()));
        if (!w.isContiguous()) throw new IllegalArgumentException("a " + w.dtype() + " weight must be contiguous to be read row by row");
        int rows = w.size(0), cols = w.size(1);
        DType t = w.dtype();
        MemorySegment seg = switch (w.storage()) {
            case Storage.Segment s -> s.segment();
            case Storage.Half h -> MemorySegment.ofArray(h.data());
            case Storage.F32 f -> MemorySegment.ofArray(f.data());
        };
        if (w.offset() % t.blockSize() != 0) throw new IllegalArgumentException("weight view starts inside a " + t + " block");
        long start = t.bytesFor(w.offset());
        long rowBytes = t.bytesFor(cols);
        return new WeightMatrix(seg.asSlice(start, rowBytes * rows), t, rows, cols, rowBytes);
    }

    /** Scratch space one thread needs for {@link #decodeRows} of up to n rows. */
    public byte[] scratch(int n) {
        return new byte[0];   // the row kernels read the segment directly; kept for callers of the older signature
    }

    /**
     * The inner loops for this matrix's format. Vector kernels read native (memory-mapped) segments
     * and byte[]-backed ones; the Vector API refuses heap segments over other arrays, which take
     * the scalar decoder.
     */
    public RowKernel kernel() {
        boolean vectorReadable = data.isNative() || data.heapBase().map(b -> b instanceof byte[]).orElse(true);
        return vectorReadable ? RowKernel.of(dtype) : new CodecRows(dtype);
    }

    /** W[r]·x[xOff, xOff + cols). */
    public float dot(int r, float[] x, int xOff) {
        return kernel().dot(data, r * rowBytes, x, xOff, cols);
    }

    /** Decodes rows [r0, r0 + n) into dst from dstOff, row-major (n·cols floats). */
    public void decodeRows(int r0, int n, float[] dst, int dstOff) {
        if (r0 < 0 || n < 0 || r0 + n > rows) throw new IndexOutOfBoundsException("rows [" + r0 + ", " + (r0 + n) + ") of " + rows);
        RowKernel k = kernel();
        for (int i = 0; i < n; i++) k.decode(data, (r0 + i) * rowBytes, dst, dstOff + i * cols, cols);
    }

    /** As {@link #decodeRows(int, int, float[], int)}; the scratch array is not needed any more. */
    public void decodeRows(int r0, int n, float[] dst, int dstOff, byte[] scratch) {
        decodeRows(r0, n, dst, dstOff);
    }

    /** Row r as a new float array. */
    public float[] row(int r) {
        float[] out = new float[cols];
        decodeRows(r, 1, out, 0);
        return out;
    }
}
