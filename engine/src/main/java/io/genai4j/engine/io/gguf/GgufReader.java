package io.genai4j.engine.io.gguf;

import io.genai4j.engine.util.Printable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the header of a GGUF file (llama.cpp's gguf.cpp layout), validating as it goes so that a
 * broken or hostile file gives one clear error instead of a crash, an OutOfMemoryError or a hang:
 * <pre>
 *   u32 magic "GGUF" · u32 version (2, 3) · u64 n_tensors · u64 n_kv
 *   n_kv × (string key · u32 type · value)          string = u64 length · UTF-8 bytes
 *   n_tensors × (string name · u32 n_dims · n_dims × i64 ne · u32 ggml_type · u64 offset)
 *   padding to general.alignment (default 32) · tensor data
 * </pre>
 * Every count and length is checked against the bytes left before anything is allocated, so no
 * loop runs longer than the file and no array is larger than it.
 */
final class GgufReader {
    static final int MAGIC = 0x46554747;      // "GGUF" read as a little-endian u32
    static final int DEFAULT_ALIGNMENT = 32;
    static final int MAX_DIMS = 4;            // GGML_MAX_DIMS
    private static final int MAX_ARRAY_DEPTH = 8;
    /** The longest array (and string) a Java array can hold. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /**
     * The longest string (key or value) read into the heap. Real ones are far shorter (an embedded
     * tokenizer.json, the longest seen, is ~30 MB); in a file over 2 GB, or a sparse one, a corrupt
     * length could otherwise ask for a 2 GB String.
     */
    static final int MAX_STRING_BYTES = 64 << 20;
    /** The longest key or tensor name (llama.cpp's are under 100 bytes). */
    static final int MAX_NAME_BYTES = 1 << 20;

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** What the header says. */
    record Header(int version, GgufMetadata metadata, List<GgufTensorInfo> tensors, int alignment, long dataStart) {}

    private final String source;
    private final MemorySegment seg;
    private final long size;
    private long pos;

    private GgufReader(String source, MemorySegment seg) {
        this.source = source;
        this.seg = seg;
        this.size = seg.byteSize();
    }

    static Header read(String source, MemorySegment seg) {
        return new GgufReader(source, seg).header();
    }

    private Header header() {
        if (size < 24) throw fail("file of " + size + " bytes is too short for a GGUF header (24 bytes)");
        int magic = seg.get(U32, 0);
        if (magic != MAGIC) {
            throw fail(String.format("bad magic 0x%08X: not a GGUF file (expected the bytes 'GGUF')", magic));
        }
        pos = 4;
        long version = u32("version");
        if (version == 1) throw fail("GGUF version 1 is not supported (it predates 64-bit counts; reconvert the model)");
        if (version != 2 && version != 3) throw fail("unsupported GGUF version " + version + " (supported: 2, 3)");
        long nTensors = u64("tensor count");
        long nKv = u64("metadata count");
        // A metadata entry takes at least 13 bytes, a tensor info at least 24.
        if (nKv < 0 || nKv > remaining() / 13) throw fail("metadata count " + Long.toUnsignedString(nKv) + " is larger than the file can hold");
        if (nTensors < 0 || nTensors > remaining() / 24) throw fail("tensor count " + Long.toUnsignedString(nTensors) + " is larger than the file can hold");

        GgufMetadata meta = new GgufMetadata(source);
        for (long i = 0; i < nKv; i++) {
            String key = string("metadata key #" + i, MAX_NAME_BYTES);
            long typeId = u32("type of metadata " + quote(key));
            GgufValueType type = GgufValueType.byId(typeId);
            if (type == null) throw fail("metadata " + quote(key) + " has unknown value type " + typeId);
            meta.add(new GgufMetadata.Entry(key, type, value(type, key, 0)));
        }

        int alignment = DEFAULT_ALIGNMENT;
        GgufMetadata.Entry a = meta.entry("general.alignment");
        if (a != null) {
            if (a.type() != GgufValueType.UINT32) throw fail("metadata 'general.alignment' is " + a.type() + ", expected UINT32");
            long al = (Long) a.value();
            if (al == 0 || (al & (al - 1)) != 0 || al > (1 << 30)) throw fail("metadata 'general.alignment' = " + al + " is not a power of two");
            alignment = (int) al;
        }

        // Not presized by the count: in a large or sparse file it may be 10^8 before a bad entry shows.
        List<GgufTensorInfo> infos = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < nTensors; i++) {
            String name = string("name of tensor #" + i, MAX_NAME_BYTES);
            if (!names.add(name)) throw fail("duplicate tensor name " + quote(name));
            String what = "tensor " + quote(name);
            long nDims = u32(what + " dimension count");
            if (nDims < 1 || nDims > MAX_DIMS) throw fail(what + " has " + nDims + " dimensions (1 to " + MAX_DIMS + " allowed)");
            long[] ne = new long[(int) nDims];
            long numel = 1;
            for (int d = 0; d < nDims; d++) {
                ne[d] = u64(what + " dimension " + d);
                if (ne[d] < 0) throw fail(what + " dimension " + d + " is negative or absurd: " + Long.toUnsignedString(ne[d]));
                try {
                    numel = Math.multiplyExact(numel, ne[d]);
                } catch (ArithmeticException e) {
                    throw fail(what + " element count overflows 64 bits");
                }
            }
            long typeId = u32(what + " type");
            GgmlType type = GgmlType.byId(typeId);
            if (type == null) throw fail(what + " has unknown tensor type " + typeId);
            if (ne[0] % type.blockSize() != 0) {
                throw fail(what + " row of " + ne[0] + " elements is not a whole number of " + type + " blocks of " + type.blockSize());
            }
            long offset = u64(what + " offset");
            long bytes;
            try {
                bytes = Math.multiplyExact(numel / type.blockSize(), (long) type.blockBytes());
            } catch (ArithmeticException e) {
                throw fail(what + " byte size overflows 64 bits");
            }
            if (offset < 0 || offset % alignment != 0) {
                throw fail(what + " offset " + Long.toUnsignedString(offset) + " is not a multiple of the alignment " + alignment);
            }
            infos.add(new GgufTensorInfo(name, ne, type, offset, bytes));
        }

        long dataStart = align(pos, alignment);
        long dataSize = size - dataStart;
        List<GgufTensorInfo> byOffset = new ArrayList<>(infos);
        byOffset.sort(Comparator.comparingLong(GgufTensorInfo::offset));
        GgufTensorInfo prev = null;
        for (GgufTensorInfo t : byOffset) {
            if (t.offset() > dataSize || t.byteSize() > dataSize - t.offset()) {
                throw fail("tensor " + quote(t.name()) + " data [" + t.offset() + ", " + (t.offset() + t.byteSize()) + ") lies outside the file's data section of "
                        + Math.max(dataSize, 0) + " bytes (truncated file?)");
            }
            if (prev != null && prev.byteSize() > 0 && t.offset() < prev.offset() + prev.byteSize()) {
                throw fail("tensors " + quote(prev.name()) + " and " + quote(t.name()) + " overlap in the data section");
            }
            if (t.byteSize() > 0) prev = t;
        }
        return new Header((int) version, meta, List.copyOf(infos), alignment, dataStart);
    }

    static long align(long x, int alignment) {
        return (x + alignment - 1) / alignment * alignment;
    }

    private Object value(GgufValueType type, String key, int depth) {
        String what = "metadata " + quote(key);
        return switch (type) {
            case UINT8 -> (long) (byteAt(what) & 0xFF);
            case INT8 -> (long) byteAt(what);
            case UINT16 -> (long) (u16(what) & 0xFFFF);
            case INT16 -> (long) u16(what);
            case UINT32 -> u32(what);
            case INT32 -> (long) (int) u32(what);
            case UINT64, INT64 -> u64(what);
            case FLOAT32 -> {
                need(4, what);
                float f = seg.get(F32, pos);
                pos += 4;
                yield f;
            }
            case FLOAT64 -> {
                need(8, what);
                double d = seg.get(F64, pos);
                pos += 8;
                yield d;
            }
            case BOOL -> {
                int b = byteAt(what);
                if (b != 0 && b != 1) throw fail(what + " is a BOOL with value " + b + " (must be 0 or 1)");
                yield b == 1;
            }
            case STRING -> string(what, MAX_STRING_BYTES);
            case ARRAY -> array(key, depth);
        };
    }

    /**
     * Validates an array and returns a view of its bytes: nothing is allocated, whatever its
     * length, and every length is checked against the bytes left so that no loop outruns the file.
     */
    private GgufArray array(String key, int depth) {
        String what = "metadata " + quote(key);
        if (depth >= MAX_ARRAY_DEPTH) throw fail(what + " nests arrays more than " + MAX_ARRAY_DEPTH + " deep");
        long typeId = u32(what + " array type");
        GgufValueType et = GgufValueType.byId(typeId);
        if (et == null) throw fail(what + " is an array of unknown type " + typeId);
        long n = u64(what + " array length");
        if (n < 0 || n > remaining() / et.minSize()) {
            throw fail(what + " array length " + Long.toUnsignedString(n) + " is larger than the file can hold");
        }
        // A file may be larger than 2 GB (or sparse), so the bytes alone do not bound n by a Java array.
        if (n > MAX_ARRAY_LENGTH) throw fail(what + " array length " + n + " exceeds the supported " + MAX_ARRAY_LENGTH);
        int len = (int) n;
        long start = pos;
        switch (et) {
            case STRING -> {
                for (int i = 0; i < len; i++) skipString(what + "[" + i + "]");
            }
            case ARRAY -> {
                for (int i = 0; i < len; i++) array(key, depth + 1);
            }
            case BOOL -> {
                for (int i = 0; i < len; i++) {
                    int b = seg.get(ValueLayout.JAVA_BYTE, pos + i);
                    if (b != 0 && b != 1) throw fail(what + "[" + i + "] is a BOOL with value " + b + " (must be 0 or 1)");
                }
                pos += len;
            }
            default -> pos += (long) et.size() * len;   // checked above: within the file
        }
        return GgufArray.view(source, et, len, seg.asSlice(start, pos - start));
    }

    /** The values of an array view that {@link #array} validated, as a Java array (see {@link GgufArray#values()}). */
    static Object decodeArray(String source, MemorySegment data, GgufValueType et, int len) {
        GgufReader r = new GgufReader(source, data);
        String what = "array element";
        return switch (et) {
            case FLOAT32 -> {
                float[] f = new float[len];
                MemorySegment.copy(data, F32, 0, f, 0, len);
                yield f;
            }
            case FLOAT64 -> {
                double[] d = new double[len];
                MemorySegment.copy(data, F64, 0, d, 0, len);
                yield d;
            }
            case BOOL -> {
                boolean[] b = new boolean[len];
                for (int i = 0; i < len; i++) b[i] = (Boolean) r.value(et, what, 0);
                yield b;
            }
            case STRING -> {
                String[] s = new String[len];
                for (int i = 0; i < len; i++) s[i] = r.string(what, MAX_STRING_BYTES);
                yield s;
            }
            case ARRAY -> {
                GgufArray[] a = new GgufArray[len];
                for (int i = 0; i < len; i++) a[i] = r.array(what, 0);
                yield a;
            }
            default -> {
                long[] l = new long[len];
                for (int i = 0; i < len; i++) l[i] = (Long) r.value(et, what, 0);
                yield l;
            }
        };
    }

    private void skipString(String what) {
        long n = u64(what + " length");
        if (n < 0 || n > remaining()) throw fail(what + " has length " + Long.toUnsignedString(n) + ", more than the " + remaining() + " bytes left in the file");
        if (n > MAX_STRING_BYTES) throw fail(what + " has length " + n + ", more than the supported " + MAX_STRING_BYTES + " bytes");
        pos += n;
    }

    private String string(String what, int maxBytes) {
        long n = u64(what + " length");
        if (n < 0 || n > remaining()) throw fail(what + " has length " + Long.toUnsignedString(n) + ", more than the " + remaining() + " bytes left in the file");
        if (n > maxBytes) throw fail(what + " has length " + n + ", more than the supported " + maxBytes + " bytes");
        byte[] b = new byte[(int) n];
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, pos, b, 0, b.length);
        pos += n;
        return new String(b, StandardCharsets.UTF_8);
    }

    private long remaining() {
        return size - pos;
    }

    private void need(long n, String what) {
        if (remaining() < n) throw fail("file ends inside " + what + " (truncated file?)");
    }

    private int byteAt(String what) {
        need(1, what);
        return seg.get(ValueLayout.JAVA_BYTE, pos++);
    }

    private short u16(String what) {
        need(2, what);
        short v = seg.get(U16, pos);
        pos += 2;
        return v;
    }

    private long u32(String what) {
        need(4, what);
        long v = seg.get(U32, pos) & 0xFFFF_FFFFL;
        pos += 4;
        return v;
    }

    private long u64(String what) {
        need(8, what);
        long v = seg.get(U64, pos);
        pos += 8;
        return v;
    }

    /** A name or key from the file, quoted for a one-line message (escaped, cut). */
    static String quote(String fromFile) {
        return "'" + Printable.of(fromFile) + "'";
    }

    private GgufException fail(String problem) {
        return new GgufException(source, problem);
    }
}
