package io.genai4j.engine.quant;

import io.genai4j.engine.DType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Decodes little-endian elements of any {@link DType} into floats, the type the engine computes in.
 * Integers convert as Java's widening/narrowing to float does (large values round to the nearest
 * float); unsigned types are read as unsigned; BOOL is 0 or 1 (any non-zero byte is true).
 *
 * <p>Layouts are unaligned: a well-formed file aligns its data, but a reader must not fault on a
 * file that does not.
 */
public final class FloatDecoder {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;

    /** Largest array the JVM reliably allocates. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private FloatDecoder() {}

    /**
     * Decodes {@code count} elements of {@code dtype} from the start of {@code src}.
     *
     * @throws IllegalArgumentException if count exceeds {@link #MAX_ELEMENTS} or {@code src} is
     *     shorter than count elements
     */
    public static float[] decode(DType dtype, MemorySegment src, long count) {
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new IllegalArgumentException(count + " elements do not fit in a float[] (limit " + MAX_ELEMENTS + ")");
        }
        long needed = count * dtype.bytes();
        if (src.byteSize() < needed) {
            throw new IllegalArgumentException(count + " elements of " + dtype + " need " + needed
                    + " bytes but the segment has " + src.byteSize());
        }
        int n = (int) count;
        float[] out = new float[n];
        switch (dtype) {
            case F32 -> MemorySegment.copy(src, F32, 0, out, 0, n);
            case F16 -> HalfFloats.decodeF16(src, out);
            case BF16 -> HalfFloats.decodeBf16(src, out);
            case F64 -> { for (int i = 0; i < n; i++) out[i] = (float) src.get(F64, 8L * i); }
            case I8 -> { for (int i = 0; i < n; i++) out[i] = src.get(I8, i); }
            case U8 -> { for (int i = 0; i < n; i++) out[i] = src.get(I8, i) & 0xFF; }
            case BOOL -> { for (int i = 0; i < n; i++) out[i] = src.get(I8, i) != 0 ? 1f : 0f; }
            case I16 -> { for (int i = 0; i < n; i++) out[i] = src.get(I16, 2L * i); }
            case U16 -> { for (int i = 0; i < n; i++) out[i] = src.get(I16, 2L * i) & 0xFFFF; }
            case I32 -> { for (int i = 0; i < n; i++) out[i] = src.get(I32, 4L * i); }
            case U32 -> { for (int i = 0; i < n; i++) out[i] = src.get(I32, 4L * i) & 0xFFFF_FFFFL; }
            case I64 -> { for (int i = 0; i < n; i++) out[i] = src.get(I64, 8L * i); }
            case U64 -> { for (int i = 0; i < n; i++) out[i] = unsignedToFloat(src.get(I64, 8L * i)); }
        }
        return out;
    }

    /** A u64 held in a long, converted to the nearest float. */
    static float unsignedToFloat(long v) {
        if (v >= 0) return v;
        // Halve (keeping the low bit so rounding stays correct), convert, double.
        return ((v >>> 1) | (v & 1)) * 2f;
    }
}
