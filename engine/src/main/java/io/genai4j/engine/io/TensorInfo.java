package io.genai4j.engine.io;

import io.genai4j.engine.DType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where one tensor lives in a safetensors file: element type, shape (row-major, outermost first) and
 * the half-open byte range {@code [begin, end)} relative to the start of the data buffer (the byte
 * after the header), exactly as in the header's {@code data_offsets}.
 *
 * <p>The constructor enforces the invariants a reader relies on (non-negative dimensions, an element
 * count and byte size that fit in a long, and {@code end - begin} equal to that byte size), so a
 * TensorInfo in hand is always consistent. The shape array is copied in and out: records expose
 * their components, and a caller writing into a shared array would corrupt the file's index.
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long bytes = byteSize(name, dtype, shape);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tensor '" + name + "': invalid byte range [" + begin + ", " + end + ")");
        }
        if (end - begin != bytes) {
            throw new IllegalArgumentException("tensor '" + name + "': dtype " + dtype + " shape " + shapeString(shape)
                    + " needs " + bytes + " bytes but the range [" + begin + ", " + end + ") spans " + (end - begin));
        }
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions; 0 for a scalar. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    /** Number of elements: the product of the dimensions (1 for a scalar, 0 if any dimension is 0). */
    public long numel() {
        long n = 1;
        for (long d : shape) n *= d; // cannot overflow: checked in the constructor
        return n;
    }

    /** Bytes of data: {@code end - begin}. */
    public long byteSize() {
        return end - begin;
    }

    /**
     * Element count times element size, checking every step for overflow.
     *
     * @throws IllegalArgumentException naming the tensor if a dimension is negative or the product
     *     does not fit in a long
     */
    static long byteSize(String name, DType dtype, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative dimension " + d + " in shape " + shapeString(shape));
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("tensor '" + name + "': shape " + shapeString(shape) + " element count overflows 64 bits");
            }
        }
        try {
            return Math.multiplyExact(n, dtype.bytes());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + shapeString(shape) + " of " + dtype
                    + " byte size overflows 64 bits");
        }
    }

    /** "[2, 3]" style rendering used in every message about shapes. */
    public static String shapeString(long[] shape) {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return "TensorInfo[" + name + " " + dtype + " " + shapeString(shape) + " @ [" + begin + ", " + end + ")]";
    }
}
