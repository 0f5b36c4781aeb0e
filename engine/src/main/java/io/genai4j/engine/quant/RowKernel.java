package io.genai4j.engine.quant;

import io.genai4j.engine.DType;
import java.lang.foreign.MemorySegment;

/**
 * The two inner loops of one weight format, reading a row straight from its (memory-mapped)
 * segment: a dot product with a float vector, for matrix-vector products where every weight byte is
 * used once per token, and a decode to floats, for prompt batches that feed a GEMM. The weight is
 * dequantized in registers and multiplied in float (a fused multiply-add), so the result equals the
 * dequantize-then-F32 product up to float rounding; measured on this machine kind this was as fast as
 * quantizing the activation to 8 bits (the Vector API has no int8 dot-product instruction; the
 * integer Q4_0 kernel behind {@link MatVec.Activations#Q8} keeps that comparison measurable with
 * {@code genai bench kernels --activations float,q8}), and it loses no precision. The one exception is opt-in: {@link MatVec#prepared} gives Q4_K
 * rows longer than 4096 a kernel that rounds x to bfloat16 ({@link Bf16Activations} says why).
 */
public interface RowKernel {

    /** Σ_i W[i]·x[xOff + i] over the n elements of the row that starts at byte off of w. */
    float dot(MemorySegment w, long off, float[] x, int xOff, int n);

    /**
     * y[yOff + r − r0] = W[r]·x for rows [r0, r1) of rowBytes each: the unit of work a thread takes.
     * Every kernel implements this loop itself (the same three lines): a loop shared by all kernels
     * would be compiled with several kernels inlined into it, and the Vector API's code outgrows
     * C2's inlining budget, after which vectors are boxed on the heap.
     */
    void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff);

    /**
     * y[yOff + s·ldy + r − r0] = W[r]·x_s for rows [r0, r1) and k inputs x_s = x[xOff + s·ldx, ...)
     * (s &lt; k): a tile of weight rows times the few inputs of a batched decoding step. Here one
     * input at a time; the kernels of the quantized formats override it to unpack each block once
     * for four inputs ({@link FewInputs}), since unpacking, not memory, bounds their speed.
     */
    default void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        for (int s = 0; s < k; s++) dotRows(w, rowBytes, r0, r1, x, xOff + s * ldx, n, y, yOff + s * ldy);
    }

    /**
     * True when {@link #dotRowsInputs} prepares its inputs once per call (permutes them into its lane
     * order, rounds them) and cuts the rows into tiles itself ({@link FewInputs#tileRows}): the caller
     * then gives it a whole range at once, so the preparation is not repeated for every tile.
     */
    default boolean tilesItsInputs() {
        return false;
    }

    /** The row's n elements as floats into y[yOff, yOff + n). */
    void decode(MemorySegment w, long off, float[] y, int yOff, int n);

    /** The kernel for a dtype: vectorized for F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K, scalar decoding otherwise. */
    static RowKernel of(DType t) {
        if (Lanes.VECTORIZED) {
            switch (t) {
                case F32: return F32Rows.INSTANCE;
                case F16: return F16Rows.INSTANCE;
                case BF16: return Bf16Rows.INSTANCE;
                case Q8_0: return Q8_0Rows.INSTANCE;
                case Q4_0: return Q4_0Rows.INSTANCE;
                case Q4_K: return Lanes.WIDE ? Q4KWideRows.INSTANCE : Q4KRows.INSTANCE;
                case Q6_K: return Lanes.WIDE ? Q6KWideRows.INSTANCE : Q6KRows.INSTANCE;
                default: break;
            }
        }
        return new CodecRows(t);
    }
}
