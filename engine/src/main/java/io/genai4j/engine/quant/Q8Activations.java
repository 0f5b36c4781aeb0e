package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The activation quantized once per call into blocks of 32 int8 values with one float scale, as
 * llama.cpp's Q8_0 activations (d = max|x|/127, q = x·(1/d) rounded to nearest, ties to even as its
 * SIMD quantize_row_q8_0 does), for the kernels that multiply integer weights with integer
 * activations ({@link Q4_0Q8Rows}). The values are kept widened to shorts, the width the products
 * are taken in: 8192 of them are 16 KB, which stays in L1 beside the weight stream. Rounding moves an
 * element by at most d/2, so a dot product moves by at most Σ_blocks (d_x/2)·Σ|w| over the block.
 */
final class Q8Activations {
    static final int QK = 32;
    /** 1.5·2²³: adding and subtracting it rounds a float of magnitude below 2²² to an integer, ties to even. */
    private static final float ROUNDER = 12582912f;

    private static final ThreadLocal<Q8Activations> OF_THREAD = ThreadLocal.withInitial(Q8Activations::new);

    /** The quantized values, block after block. */
    short[] q = new short[0];
    /** The scale of each block. */
    float[] d = new float[0];

    private Q8Activations() {}

    /** x[xOff, xOff + n) (n a multiple of 32) quantized into this thread's buffers. */
    static Q8Activations quantize(float[] x, int xOff, int n) {
        Q8Activations a = OF_THREAD.get();
        if (a.q.length < n) {
            a.q = new short[n];
            a.d = new float[n / QK];
        }
        for (int b = 0; b < n / QK; b++) {
            int o = xOff + b * QK;
            FloatVector max = FloatVector.fromArray(F, x, o).abs();
            for (int j = L; j < QK; j += L) max = max.max(FloatVector.fromArray(F, x, o + j).abs());
            float d = max.reduceLanes(VectorOperators.MAX) / 127f, id = d != 0 ? 1f / d : 0f;
            a.d[b] = d;
            for (int j = 0; j < QK; j += L) {
                FloatVector v = FloatVector.fromArray(F, x, o + j).mul(id).add(ROUNDER).sub(ROUNDER);
                ((ShortVector) v.convert(VectorOperators.F2I, 0).convertShape(VectorOperators.I2S, S, 0)).intoArray(a.q, b * QK + j);
            }
        }
        return a;
    }
}
