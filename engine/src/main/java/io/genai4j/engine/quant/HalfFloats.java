package io.genai4j.engine.quant;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Conversions between F32 and the two 16-bit float formats that checkpoints store: IEEE binary16
 * (F16) and bfloat16 (BF16, the top half of an F32). Values travel as the raw 16 bits in a short.
 *
 * <p>F16 uses the JDK's {@link Float#float16ToFloat} / {@link Float#floatToFloat16}, which are exact
 * IEEE conversions (round to nearest even, NaN stays NaN). BF16 has no JDK support; it is done here
 * with the same rounding rule, as PyTorch does, so a tensor saved by Java and by PyTorch has the
 * same bits.
 */
public final class HalfFloats {

    private static final ValueLayout.OfShort LE_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private HalfFloats() {}

    /** F16 bits to float (exact). */
    public static float f16ToF32(short bits) {
        return Float.float16ToFloat(bits);
    }

    /** Float to F16 bits, rounding to nearest even; overflow gives infinity, NaN stays NaN. */
    public static short f32ToF16(float value) {
        return Float.floatToFloat16(value);
    }

    /** BF16 bits to float (exact: BF16 is the high half of an F32). */
    public static float bf16ToF32(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /**
     * Float to BF16 bits, rounding to nearest even. A NaN keeps its sign and top payload bits and
     * gets the quiet bit set: plain truncation could clear every mantissa bit left and turn a NaN
     * into an infinity.
     */
    public static short f32ToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        // Adding 0x7FFF plus the lowest kept bit rounds half-way cases to the even neighbour.
        // Carries propagate into the exponent, which correctly rounds the largest finite values
        // up to infinity.
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** Decodes {@code dst.length} little-endian F16 values from {@code src} starting at byte 0. */
    public static void decodeF16(MemorySegment src, float[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = Float.float16ToFloat(src.get(LE_SHORT, 2L * i));
        }
    }

    /** Decodes {@code dst.length} little-endian BF16 values from {@code src} starting at byte 0. */
    public static void decodeBf16(MemorySegment src, float[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = bf16ToF32(src.get(LE_SHORT, 2L * i));
        }
    }

    /** Encodes {@code src} as little-endian F16 into {@code dst} starting at byte 0. */
    public static void encodeF16(float[] src, MemorySegment dst) {
        for (int i = 0; i < src.length; i++) {
            dst.set(LE_SHORT, 2L * i, Float.floatToFloat16(src[i]));
        }
    }

    /** Encodes {@code src} as little-endian BF16 into {@code dst} starting at byte 0. */
    public static void encodeBf16(float[] src, MemorySegment dst) {
        for (int i = 0; i < src.length; i++) {
            dst.set(LE_SHORT, 2L * i, f32ToBf16(src[i]));
        }
    }
}
