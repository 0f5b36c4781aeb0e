package io.genai4j.engine.io.onnx;

import io.genai4j.engine.DType;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.quant.FloatDecoder;
import io.genai4j.engine.quant.HalfFloats;
import io.genai4j.engine.util.Printable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An ONNX TensorProto: a name, an element type, dims and the values. Values come either as
 * {@code raw_data} (little-endian bytes, kept as a slice of the mapped file until asked for) or in
 * a typed repeated field ({@code float_data}, {@code int32_data} — which also carries 16-bit and
 * 8-bit types —, {@code int64_data}, {@code double_data}).
 */
public final class OnnxTensor {
    private final String name;
    private final int dataType;
    private final long[] dims;
    private final MemorySegment raw;      // raw_data, or null
    private final float[] floatData;     // float_data, or null
    private final long[] intData;         // int32_data / int64_data / uint64_data, or null
    private final double[] doubleData;    // double_data, or null

    OnnxTensor(String name, int dataType, long[] dims, MemorySegment raw, float[] floatData, long[] intData, double[] doubleData) {
        this.name = name;
        this.dataType = dataType;
        this.dims = dims;
        this.raw = raw;
        this.floatData = floatData;
        this.intData = intData;
        this.doubleData = doubleData;
        validate();
    }

    public String name() {
        return name;
    }

    /** The TensorProto.DataType code (1 = FLOAT, 7 = INT64, ...). */
    public int dataType() {
        return dataType;
    }

    /** The element type as an engine dtype; a clear error for strings and complex numbers. */
    public DType dtype() {
        return OnnxTypes.dtype(dataType, name);
    }

    public long[] dims() {
        return dims.clone();
    }

    /** The dims as an engine shape (each must fit in an int). */
    public int[] shape() {
        int[] s = new int[dims.length];
        for (int i = 0; i < dims.length; i++) s[i] = (int) dims[i];
        return s;
    }

    public long numel() {
        long n = 1;
        for (long d : dims) n *= d;
        return n;
    }

    /** The values converted to F32, as a heap tensor of this tensor's shape. */
    public Tensor toTensor() {
        return Tensor.of(floats(), shape());
    }

    /** The values as floats (any numeric type converts). */
    public float[] floats() {
        int n = (int) numel();
        if (raw != null) return FloatDecoder.decode(dtype(), raw, n);
        if (floatData != null) return floatData.clone();
        float[] out = new float[n];
        if (doubleData != null) {
            for (int i = 0; i < n; i++) out[i] = (float) doubleData[i];
        } else if (intData != null) {
            DType t = dtype();
            for (int i = 0; i < n; i++) {
                long v = intData[i];
                // int32_data holds F16/BF16 as their bit patterns (one per element).
                out[i] = switch (t) {
                    case F16 -> HalfFloats.f16ToF32((short) v);
                    case BF16 -> HalfFloats.bf16ToF32((short) v);
                    default -> (float) v;
                };
            }
        }
        return out;
    }

    /** The values as longs (integer types only: shape constants, token ids). */
    public long[] longs() {
        DType t = dtype();
        if (t.isFloat()) throw new OnnxException("tensor '" + Printable.of(name) + "' holds " + t + ", not integers");
        int n = (int) numel();
        if (intData != null) return intData.clone();
        long[] out = new long[n];
        if (raw == null) return out;
        ValueLayout.OfLong i64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        ValueLayout.OfInt i32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (t) {
                case I64, U64 -> raw.get(i64, 8L * i);
                case I32 -> raw.get(i32, 4L * i);
                case U32 -> raw.get(i32, 4L * i) & 0xFFFF_FFFFL;
                default -> (long) FloatDecoder.decode(t, raw.asSlice((long) i * t.bytes(), t.bytes()), 1)[0];
            };
        }
        return out;
    }

    /** Checks that dims are sane and the stored values are exactly numel elements. */
    private void validate() {
        long n = 1;
        for (long d : dims) {
            if (d < 0) throw new OnnxException("tensor '" + Printable.of(name) + "' has a negative dimension in " + Arrays.toString(dims));
            n *= d;
            if (n > FloatDecoder.MAX_ELEMENTS) throw new OnnxException("tensor '" + Printable.of(name) + "' with dims " + Arrays.toString(dims) + " is too large");
        }
        for (long d : dims) if (d > Integer.MAX_VALUE) throw new OnnxException("tensor '" + Printable.of(name) + "' dimension " + d + " is too large");
        DType t = dtype();
        long have;
        String field;
        if (raw != null) {
            if (raw.byteSize() % t.bytes() != 0 || raw.byteSize() / t.bytes() != n) {
                throw new OnnxException("tensor '" + Printable.of(name) + "' " + Shape.str(shape()) + " of " + t + " needs " + n * t.bytes()
                        + " bytes of raw_data, has " + raw.byteSize());
            }
            return;
        } else if (floatData != null) {
            have = floatData.length;
            field = "float_data";
        } else if (intData != null) {
            have = intData.length;
            field = "integer data";
        } else if (doubleData != null) {
            have = doubleData.length;
            field = "double_data";
        } else {
            have = 0;
            field = "data";
        }
        if (have != n) throw new OnnxException("tensor '" + Printable.of(name) + "' " + Arrays.toString(dims) + " needs " + n + " values, its " + field + " has " + have);
    }

    @Override
    public String toString() {
        return name + " " + dtype() + Arrays.toString(dims);
    }
}
