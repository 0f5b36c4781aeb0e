package io.genai4j.engine.io.gguf;

import io.genai4j.engine.DType;
import io.genai4j.engine.util.AtomicFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF version 3 files in llama.cpp's layout: header, metadata in insertion order, tensor
 * infos, then each tensor's data padded to the alignment (general.alignment if set, else 32). The
 * file is written atomically (temporary file, fsync, rename).
 *
 * <pre>
 *   GgufWriter w = new GgufWriter();
 *   w.putString("general.architecture", "llama");
 *   w.putU32("llama.block_count", 2);
 *   w.addTensor("token_embd.weight", DType.F32, new long[] {vocab, dim}, bytes);   // row-major shape
 *   w.write(path);
 * </pre>
 */
public final class GgufWriter {
    private record Pending(String name, DType dtype, long[] shape, MemorySegment data, long byteSize, Source source) {}

    /**
     * Tensor bytes made while the file is written, chunk by chunk, so a multi-gigabyte tensor set
     * (a random benchmark model) never has to sit in memory.
     */
    @FunctionalInterface
    public interface Source {
        /** Fills dst with the tensor's bytes [offset, offset + dst.byteSize()). */
        void fill(long offset, MemorySegment dst);
    }

    private final Map<String, GgufMetadata.Entry> meta = new LinkedHashMap<>();
    private final List<Pending> tensors = new ArrayList<>();

    public GgufWriter put(String key, GgufValueType type, Object value) {
        if (meta.containsKey(key)) throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
        // An array read from a file is a view of its mapping: copy it, as the file may close before write().
        meta.put(key, new GgufMetadata.Entry(key, type, value instanceof GgufArray a ? a.detached() : value));
        return this;
    }

    public GgufWriter putString(String key, String v) {
        return put(key, GgufValueType.STRING, v);
    }

    public GgufWriter putU32(String key, long v) {
        return put(key, GgufValueType.UINT32, v);
    }

    public GgufWriter putI32(String key, long v) {
        return put(key, GgufValueType.INT32, v);
    }

    public GgufWriter putF32(String key, float v) {
        return put(key, GgufValueType.FLOAT32, v);
    }

    public GgufWriter putBool(String key, boolean v) {
        return put(key, GgufValueType.BOOL, v);
    }

    public GgufWriter putStrings(String key, String[] v) {
        return put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.STRING, v));
    }

    public GgufWriter putFloats(String key, float[] v) {
        return put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.FLOAT32, v));
    }

    public GgufWriter putI32s(String key, int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.INT32, l));
    }

    /** Copies every metadata entry of another file (e.g. to rewrite a model). */
    public GgufWriter putAll(GgufMetadata m) {
        for (GgufMetadata.Entry e : m.entries().values()) put(e.key(), e.type(), e.value());
        return this;
    }

    /** A tensor with a row-major shape (written as ggml's ne, reversed) and its encoded bytes. */
    public GgufWriter addTensor(String name, DType dtype, long[] shape, MemorySegment data) {
        long bytes = checkTensor(name, dtype, shape);
        if (data.byteSize() != bytes) throw new IllegalArgumentException("tensor '" + name + "' needs " + bytes + " bytes of " + dtype + ", got " + data.byteSize());
        tensors.add(new Pending(name, dtype, shape.clone(), data, bytes, null));
        return this;
    }

    /** A tensor whose bytes the source makes during {@link #write}. */
    public GgufWriter addTensor(String name, DType dtype, long[] shape, Source source) {
        long bytes = checkTensor(name, dtype, shape);
        tensors.add(new Pending(name, dtype, shape.clone(), null, bytes, source));
        return this;
    }

    /** Validates a new tensor's name and shape; returns its size in bytes. */
    private long checkTensor(String name, DType dtype, long[] shape) {
        for (Pending p : tensors) if (p.name.equals(name)) throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
        if (shape.length < 1 || shape.length > GgufReader.MAX_DIMS) throw new IllegalArgumentException("tensor '" + name + "' must have 1 to 4 dimensions");
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        long bytes = dtype.bytesFor(n);
        if (shape[shape.length - 1] % dtype.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': rows of " + shape[shape.length - 1] + " are not whole " + dtype + " blocks");
        }
        return bytes;
    }

    public GgufWriter addTensor(String name, DType dtype, long[] shape, byte[] data) {
        return addTensor(name, dtype, shape, MemorySegment.ofArray(data));
    }

    public void write(Path path) throws IOException {
        int alignment = GgufReader.DEFAULT_ALIGNMENT;
        if (meta.get("general.alignment") instanceof GgufMetadata.Entry e && e.value() instanceof Long l) alignment = l.intValue();
        final int align = alignment;
        Out out = new Out();
        out.u32(GgufReader.MAGIC);
        out.u32(3);
        out.u64(tensors.size());
        out.u64(meta.size());
        for (GgufMetadata.Entry e : meta.values()) {
            out.string(e.key());
            out.u32(e.type().id());
            out.value(e.type(), e.value(), e.key());
        }
        long offset = 0;
        List<Long> offsets = new ArrayList<>();
        for (Pending p : tensors) {
            out.string(p.name);
            out.u32(p.shape.length);
            for (int i = p.shape.length - 1; i >= 0; i--) out.u64(p.shape[i]);
            out.u32(GgmlType.of(p.dtype).id());
            out.u64(offset);
            offsets.add(offset);
            offset = GgufReader.align(offset + p.byteSize, align);
        }
        byte[] head = out.bytes();
        long headPadded = GgufReader.align(head.length, align);
        AtomicFiles.replace(path, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Staged file = new Staged(ch);
                file.put(MemorySegment.ofArray(head), null, head.length);
                file.zeros(headPadded - head.length);
                long at = 0;
                for (int i = 0; i < tensors.size(); i++) {
                    Pending p = tensors.get(i);
                    if (offsets.get(i) > at) file.zeros(offsets.get(i) - at);
                    file.put(p.data, p.source, p.byteSize);
                    at = offsets.get(i) + p.byteSize;
                }
                long end = GgufReader.align(at, align);
                if (end > at && !tensors.isEmpty()) file.zeros(end - at);
                file.flush();
            }
        });
    }

    /**
     * The file's bytes in order through one 8 MB buffer. Few large writes, rather than one per
     * tensor piece, let Linux keep the new file in 2 MB page-cache folios, which a mapping of the
     * model can then use as huge pages (see {@link io.genai4j.engine.io.HugePages}). Buffer
     * boundaries fall at multiples of 8 MB of the file, so a tensor (32-byte aligned) is cut into
     * pieces of whole elements.
     */
    private static final class Staged {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(8 << 20);
        private final MemorySegment seg = MemorySegment.ofBuffer(buf);

        Staged(FileChannel ch) {
            this.ch = ch;
        }

        /** n bytes, copied from data or produced by source (when not null). */
        void put(MemorySegment data, Source source, long n) throws IOException {
            for (long o = 0; o < n; ) {
                int k = (int) Math.min(n - o, buf.remaining());
                MemorySegment dst = seg.asSlice(buf.position(), k);
                if (source != null) source.fill(o, dst);
                else MemorySegment.copy(data, o, dst, 0, k);
                advance(k);
                o += k;
            }
        }

        void zeros(long n) throws IOException {
            for (long o = 0; o < n; ) {
                int k = (int) Math.min(n - o, buf.remaining());
                seg.asSlice(buf.position(), k).fill((byte) 0);
                advance(k);
                o += k;
            }
        }

        private void advance(int k) throws IOException {
            buf.position(buf.position() + k);
            if (!buf.hasRemaining()) flush();
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) ch.write(buf);
            buf.clear();
        }
    }

    /** A growable little-endian byte buffer for the header. */
    private static final class Out {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(long n) {
            if (buf.remaining() >= n) return;
            long cap = Math.max((long) buf.capacity() * 2, buf.position() + n);
            if (cap > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("GGUF header larger than 2 GB");
            ByteBuffer b = ByteBuffer.allocate((int) cap).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            b.put(buf);
            buf = b;
        }

        void u32(long v) {
            ensure(4);
            buf.putInt((int) v);
        }

        void u64(long v) {
            ensure(8);
            buf.putLong(v);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            ensure(b.length);
            buf.put(b);
        }

        void value(GgufValueType t, Object v, String key) {
            switch (t) {
                case UINT8, INT8, BOOL -> {
                    ensure(1);
                    buf.put(t == GgufValueType.BOOL ? (byte) ((Boolean) v ? 1 : 0) : ((Number) v).byteValue());
                }
                case UINT16, INT16 -> {
                    ensure(2);
                    buf.putShort(((Number) v).shortValue());
                }
                case UINT32, INT32 -> u32(((Number) v).longValue());
                case UINT64, INT64 -> u64(((Number) v).longValue());
                case FLOAT32 -> {
                    ensure(4);
                    buf.putFloat(((Number) v).floatValue());
                }
                case FLOAT64 -> {
                    ensure(8);
                    buf.putDouble(((Number) v).doubleValue());
                }
                case STRING -> string((String) v);
                case ARRAY -> {
                    if (!(v instanceof GgufArray a)) throw new IllegalArgumentException("metadata '" + key + "': an ARRAY value must be a GgufArray");
                    u32(a.elementType().id());
                    u64(a.length());
                    Object values = a.values();
                    for (int i = 0; i < a.length(); i++) value(a.elementType(), Array.get(values, i), key);
                }
            }
        }

        byte[] bytes() {
            byte[] out = new byte[buf.position()];
            buf.flip();
            buf.get(out);
            return out;
        }
    }
}
