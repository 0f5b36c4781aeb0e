package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    private static short s(int bits) {
        return (short) bits;
    }

    @Test
    void f16KnownValues() {
        assertEquals(1.0f, HalfFloats.f16ToF32(s(0x3C00)));
        assertEquals(-2.0f, HalfFloats.f16ToF32(s(0xC000)));
        assertEquals(65504f, HalfFloats.f16ToF32(s(0x7BFF)));
        assertEquals(0x1p-24f, HalfFloats.f16ToF32(s(0x0001)));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.f16ToF32(s(0x7C00)));
        assertEquals(s(0x3C00), HalfFloats.f32ToF16(1.0f));
        assertEquals(s(0x7C00), HalfFloats.f32ToF16(70000f));
        // Ties go to even: 1 + 2^-11 is half-way between 1 and the next F16.
        assertEquals(s(0x3C00), HalfFloats.f32ToF16(1f + 0x1p-11f));
        assertEquals(s(0x3C02), HalfFloats.f32ToF16(1f + 3 * 0x1p-11f));
        assertTrue(Float.isNaN(HalfFloats.f16ToF32(HalfFloats.f32ToF16(Float.NaN))));
    }

    @Test
    void bf16KnownValues() {
        assertEquals(1.0f, HalfFloats.bf16ToF32(s(0x3F80)));
        assertEquals(-2.0f, HalfFloats.bf16ToF32(s(0xC000)));
        assertEquals(s(0x3F80), HalfFloats.f32ToBf16(1.0f));
        // Ties to even: 1 + 2^-8 is half-way between 1 (even) and 1 + 2^-7.
        assertEquals(s(0x3F80), HalfFloats.f32ToBf16(1f + 0x1p-8f));
        // 1 + 3*2^-8 is half-way between 1 + 2^-7 (odd) and 1 + 2^-6 (even).
        assertEquals(s(0x3F82), HalfFloats.f32ToBf16(1f + 3 * 0x1p-8f));
        // Just above half-way rounds up.
        assertEquals(s(0x3F81), HalfFloats.f32ToBf16(1f + 0x1p-8f + 0x1p-20f));
        // The largest float rounds up to infinity, as IEEE rounding does.
        assertEquals(s(0x7F80), HalfFloats.f32ToBf16(Float.MAX_VALUE));
        assertEquals(s(0xFF80), HalfFloats.f32ToBf16(Float.NEGATIVE_INFINITY));
        assertEquals(s(0x8000), HalfFloats.f32ToBf16(-0.0f));
    }

    @Test
    void bf16KeepsNaNsThatTruncationWouldTurnIntoInfinity() {
        // Only the lowest mantissa bit set: dropping the low half would leave an infinity.
        float nan = Float.intBitsToFloat(0x7F800001);
        short b = HalfFloats.f32ToBf16(nan);
        assertTrue(Float.isNaN(HalfFloats.bf16ToF32(b)));
        float negNan = Float.intBitsToFloat(0xFFFFFFFF);
        short nb = HalfFloats.f32ToBf16(negNan);
        assertTrue(Float.isNaN(HalfFloats.bf16ToF32(nb)));
        assertTrue((nb & 0x8000) != 0, "sign kept");
    }

    @Test
    void every16BitPatternRoundTrips() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = HalfFloats.bf16ToF32(h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfFloats.bf16ToF32(HalfFloats.f32ToBf16(f))));
            } else {
                assertEquals(h, HalfFloats.f32ToBf16(f), "bf16 " + Integer.toHexString(bits));
            }
            float g = HalfFloats.f16ToF32(h);
            if (Float.isNaN(g)) {
                assertTrue(Float.isNaN(HalfFloats.f16ToF32(HalfFloats.f32ToF16(g))));
            } else {
                assertEquals(h, HalfFloats.f32ToF16(g), "f16 " + Integer.toHexString(bits));
            }
        }
    }

    /** Reference BF16 rounding from first principles: pick the nearer neighbour, the even one on ties. */
    private static short referenceBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        int down = bits & 0xFFFF0000;
        int up = down + 0x10000;
        double x = f;
        double lo = Float.intBitsToFloat(down);
        // Rounding up past the largest finite value means infinity; measure with the would-be value.
        double hi = ((up >>> 23) & 0xFF) == 0xFF
                ? Math.copySign(Math.scalb(1.0, 128), f)
                : Float.intBitsToFloat(up);
        double dLo = Math.abs(x - lo);
        double dHi = Math.abs(hi - x);
        int chosen = dLo < dHi ? down : dHi < dLo ? up : ((down >>> 16) & 1) == 0 ? down : up;
        return (short) (chosen >>> 16);
    }

    @Test
    void bf16MatchesReferenceRoundingOnRandomFloats() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) continue;
            assertEquals(referenceBf16(f), HalfFloats.f32ToBf16(f), () -> "for " + f);
        }
    }

    @Test
    void bulkCodecsAreLittleEndian() {
        float[] values = {1.0f, -2.0f};
        MemorySegment f16 = MemorySegment.ofArray(new byte[4]);
        HalfFloats.encodeF16(values, f16);
        assertArrayEquals(new byte[] {0x00, 0x3C, 0x00, (byte) 0xC0}, f16.toArray(ValueLayout.JAVA_BYTE));
        MemorySegment bf16 = MemorySegment.ofArray(new byte[4]);
        HalfFloats.encodeBf16(values, bf16);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x3F, 0x00, (byte) 0xC0}, bf16.toArray(ValueLayout.JAVA_BYTE));
        float[] back = new float[2];
        HalfFloats.decodeF16(f16, back);
        assertArrayEquals(values, back);
        HalfFloats.decodeBf16(bf16, back);
        assertArrayEquals(values, back);
    }
}
