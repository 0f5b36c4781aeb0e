package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatDecoderTest {

    @Test
    void rejectsCountsBeyondAnArray() {
        MemorySegment tiny = MemorySegment.ofArray(new byte[4]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatDecoder.decode(DType.U8, tiny, 1L << 31));
        assertTrue(e.getMessage().contains("do not fit in a float[]"), e.getMessage());
    }

    @Test
    void rejectsShortSegments() {
        MemorySegment seg = MemorySegment.ofArray(new byte[7]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloatDecoder.decode(DType.F32, seg, 2));
        assertTrue(e.getMessage().contains("need 8 bytes but the segment has 7"), e.getMessage());
    }

    @Test
    void readsUnalignedData() {
        byte[] bytes = new byte[9];
        MemorySegment seg = MemorySegment.ofArray(bytes);
        // 1.0f little-endian at odd offset 1.
        bytes[3] = (byte) 0x80;
        bytes[4] = 0x3F;
        assertArrayEquals(new float[] {1f}, FloatDecoder.decode(DType.F32, seg.asSlice(1), 1));
    }

    /** u64 to float must round to nearest like a correct conversion of the unsigned value. */
    @Test
    void unsignedLongsRoundCorrectly() {
        SplittableRandom rnd = new SplittableRandom(3);
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < 100_000; i++) {
            long v = rnd.nextLong() | Long.MIN_VALUE; // the interesting half: top bit set
            BigInteger u = BigInteger.valueOf(v).add(twoTo64);
            float expected = new BigDecimal(u).floatValue();
            assertEquals(expected, FloatDecoder.unsignedToFloat(v), () -> Long.toUnsignedString(v));
        }
        assertEquals(0x1p64f, FloatDecoder.unsignedToFloat(-1L));
        assertEquals(5f, FloatDecoder.unsignedToFloat(5));
    }
}
