package io.genai4j.engine.quant;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector species the row kernels share: L floats (the machine's preferred width; 16 with AVX-512)
 * and the byte, short and int species of the same lane count, so that L quantized bytes widen into
 * exactly one float vector. Block formats have 16- and 32-element runs, hence 4 ≤ L ≤ 16.
 */
public final class Lanes {
    private Lanes() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** The float species of every kernel here (the machine's preferred width). */
    public static VectorSpecies<Float> floats() {
        return F;
    }
    static final int L = F.length();
    static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    static final VectorSpecies<Byte> B = L >= 8 ? ByteVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(L * 8)) : null;
    static final VectorSpecies<Short> S = ShortVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(L * 16));
    /** False on machines whose vectors are too narrow or too wide for the block layouts: scalar decoding then. */
    static final boolean VECTORIZED = L >= 8 && L <= 16 && B != null && I.length() == L;
    /** 512-bit vectors (16 float lanes): the Q4_K and Q6_K kernels whose lanes span scale groups ({@link Q4KWideRows}, {@link Q6KWideRows}). */
    static final boolean WIDE = VECTORIZED && L == 16;

    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);

    /**
     * Σ of the lanes. One intrinsic: C2 may add the lanes in any order (interpreted code adds them
     * in lane order, so a result can differ in the last bit while the JIT warms up), but a hand-made
     * fixed-order tree cost a dozen more nodes of C2's inlining budget per kernel, and kernels that
     * overran it boxed their vectors.
     */
    public static float sum(FloatVector v) {
        return v.reduceLanes(VectorOperators.ADD);
    }

    /** The F16 at byte off (block scales). */
    static float f16(MemorySegment w, long off) {
        return Float.float16ToFloat(w.get(SHORT, off));
    }
}
