package io.genai4j.engine.io;

import io.genai4j.engine.DType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** F16 and BF16 bit patterns to and from F32. */
public final class HalfFloats {
    private HalfFloats() {}

    private static final ValueLayout.OfShort LE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    public static float toFloat(short bits, DType type) {
        return type == DType.BF16 ? bf16ToFloat(bits) : Float.float16ToFloat(bits);
    }

    public static short fromFloat(float f, DType type) {
        return type == DType.BF16 ? floatToBf16(f) : Float.floatToFloat16(f);
    }

    /** BF16 is the top half of an F32. */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** Round to nearest even; NaN stays NaN (quiet). */
    public static short floatToBf16(float f) {
        int b = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((b >>> 16) | 0x40);
        int rounding = 0x7FFF + ((b >>> 16) & 1);
        return (short) ((b + rounding) >>> 16);
    }

    /** Reads n elements of type F32, F16 or BF16 at byteOffset into out as floats. */
    public static void readFloats(MemorySegment seg, DType type, long byteOffset, float[] out, int outOff, int n) {
        switch (type) {
            case F32 -> {
                for (int i = 0; i < n; i++) out[outOff + i] = seg.get(LE_FLOAT, byteOffset + 4L * i);
            }
            case F16, BF16 -> {
                for (int i = 0; i < n; i++) out[outOff + i] = toFloat(seg.get(LE_SHORT, byteOffset + 2L * i), type);
            }
            default -> throw new IllegalArgumentException("cannot read " + type + " as floats");
        }
    }
}
