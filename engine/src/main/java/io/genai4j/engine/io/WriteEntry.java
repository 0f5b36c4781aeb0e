package io.genai4j.engine.io;

import io.genai4j.engine.DType;
import io.genai4j.engine.quant.HalfFloats;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor to write: name, dtype, shape and its data as little-endian bytes in a segment (heap,
 * native or a slice of another mapped file, so tensors can be copied between files without a trip
 * through Java arrays). The segment is read when the file is written, not copied here.
 *
 * <p>The factories cover the usual sources: {@link #ofFloats} encodes a float[] as F32, F16, BF16
 * or F64; {@link #ofBytes} takes raw bytes for any dtype; {@link #ofInts} and {@link #ofLongs} write
 * I32 and I64 (token ids, positions).
 *
 * <p>The constructor checks that the data size is exactly what shape and dtype require, so a bad
 * entry fails where it is made, not half-way through writing a file.
 */
public record WriteEntry(String name, DType dtype, long[] shape, MemorySegment data) {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    public WriteEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        if (name.equals(SafeTensorsHeader.METADATA_KEY)) {
            throw new IllegalArgumentException("'" + name + "' is reserved for metadata and cannot name a tensor");
        }
        long bytes = TensorInfo.byteSize(name, dtype, shape);
        if (data.byteSize() != bytes) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + TensorInfo.shapeString(shape) + " with dtype "
                    + dtype + " needs " + bytes + " bytes but the data has " + data.byteSize());
        }
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Raw little-endian element bytes of any dtype. */
    public static WriteEntry ofBytes(String name, DType dtype, long[] shape, byte[] littleEndian) {
        return new WriteEntry(name, dtype, shape, MemorySegment.ofArray(littleEndian));
    }

    /**
     * Floats stored as {@code dtype}, which must be F32, F16, BF16 or F64. F16 and BF16 round to
     * nearest even (see {@link HalfFloats}).
     */
    public static WriteEntry ofFloats(String name, DType dtype, long[] shape, float[] values) {
        checkCount(name, shape, values.length);
        MemorySegment seg = MemorySegment.ofArray(new byte[Math.multiplyExact(values.length, dtype.bytes())]);
        switch (dtype) {
            case F32 -> MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE), 0, values.length);
            case F16 -> HalfFloats.encodeF16(values, seg);
            case BF16 -> HalfFloats.encodeBf16(values, seg);
            case F64 -> {
                ValueLayout.OfDouble f64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(LE);
                for (int i = 0; i < values.length; i++) seg.set(f64, 8L * i, values[i]);
            }
            default -> throw new IllegalArgumentException("tensor '" + name + "': cannot write floats as " + dtype
                    + " (use F32, F16, BF16 or F64, or ofBytes for raw data)");
        }
        return new WriteEntry(name, dtype, shape, seg);
    }

    /** 32-bit integers as I32. */
    public static WriteEntry ofInts(String name, long[] shape, int[] values) {
        checkCount(name, shape, values.length);
        MemorySegment seg = MemorySegment.ofArray(new byte[Math.multiplyExact(values.length, 4)]);
        MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE), 0, values.length);
        return new WriteEntry(name, DType.I32, shape, seg);
    }

    /** 64-bit integers as I64. */
    public static WriteEntry ofLongs(String name, long[] shape, long[] values) {
        checkCount(name, shape, values.length);
        MemorySegment seg = MemorySegment.ofArray(new byte[Math.multiplyExact(values.length, 8)]);
        MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LE), 0, values.length);
        return new WriteEntry(name, DType.I64, shape, seg);
    }

    /** Byte size of the data. */
    public long byteSize() {
        return data.byteSize();
    }

    private static void checkCount(String name, long[] shape, int count) {
        long numel = TensorInfo.byteSize(name, DType.U8, shape); // one byte per element: the element count
        if (numel != count) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + TensorInfo.shapeString(shape) + " has "
                    + numel + " elements but " + count + " values were given");
        }
    }

    @Override
    public boolean equals(Object o) {
        // Identity of the data segment is what matters to a writer; compare shape by content.
        return o instanceof WriteEntry w && name.equals(w.name) && dtype == w.dtype
                && Arrays.equals(shape, w.shape) && data.equals(w.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), data);
    }

    @Override
    public String toString() {
        return "WriteEntry[" + name + " " + dtype + " " + TensorInfo.shapeString(shape) + ", " + data.byteSize() + " bytes]";
    }
}
