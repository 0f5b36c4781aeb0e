package io.genai4j.engine;

import java.lang.foreign.MemorySegment;

/**
 * Where a tensor's elements live. Compute happens on {@link F32} heap arrays; half-precision and
 * memory-mapped storages hold weights, which are converted (or read by kernels that dequantize on
 * the fly).
 */
public sealed interface Storage {

    DType dtype();

    /** Number of elements. */
    long size();

    /** F32 on the Java heap: the storage every op computes on. */
    record F32(float[] data) implements Storage {
        @Override
        public DType dtype() {
            return DType.F32;
        }

        @Override
        public long size() {
            return data.length;
        }
    }

    /** F16 or BF16 bit patterns on the Java heap. */
    record Half(short[] data, DType dtype) implements Storage {
        public Half {
            if (dtype != DType.F16 && dtype != DType.BF16) throw new IllegalArgumentException("Half storage holds F16 or BF16, not " + dtype);
        }

        @Override
        public long size() {
            return data.length;
        }
    }

    /**
     * Elements in a memory segment (a memory-mapped weight file, or native memory), little-endian;
     * for a block-quantized dtype the segment holds whole blocks, row after row.
     */
    record Segment(MemorySegment segment, DType dtype) implements Storage {
        @Override
        public long size() {
            return segment.byteSize() / dtype.blockBytes() * dtype.blockSize();
        }
    }
}
