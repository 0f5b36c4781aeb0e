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
    private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256, F128 = FloatVector.SPECIES_128;

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

    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);

    /**
     * Σ of the lanes in a fixed pairwise order. {@code reduceLanes(ADD)} may add in any order, and
     * does: interpreted and compiled code differ in the last bit, so a result would depend on how
     * warm the JIT is. Adding halves, then quarters, gives the same bits everywhere.
     */
    public static float sum(FloatVector v) {
        // Halve the width with extracts (one instruction each; a rearrange costs an index check too).
        FloatVector w = v;
        if (L == 16) w = sum8(((FloatVector) v.reinterpretShape(F256, 0)).add((FloatVector) v.reinterpretShape(F256, 1)));
        else if (L == 8) w = sum8(v);
        else return (float) v.reduceLanes(VectorOperators.ADD);   // no vector width of another size on x86
        return (w.lane(0) + w.lane(1)) + (w.lane(2) + w.lane(3));
    }

    /** 8 lanes to 4 partial sums (lanes i and i+4 added). */
    private static FloatVector sum8(FloatVector v8) {
        return ((FloatVector) v8.reinterpretShape(F128, 0)).add((FloatVector) v8.reinterpretShape(F128, 1));
    }

    /** The F16 at byte off (block scales). */
    static float f16(MemorySegment w, long off) {
        return Float.float16ToFloat(w.get(SHORT, off));
    }
}
