package io.genai4j.engine.io;

import io.genai4j.engine.DType;
import io.genai4j.engine.util.Printable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parsed and validated header of a safetensors file: the tensor index and the
 * {@code __metadata__} strings. It is independent of how the bytes are held (mapped file, heap
 * array), so the validation can be tested and fuzzed on plain memory.
 *
 * <p>Layout: an 8-byte little-endian u64 header length N, N bytes of UTF-8 JSON, then the data
 * buffer (everything after the header, up to the end of the file).
 *
 * <p>What is accepted, and why:
 * <ul>
 *   <li>tensor entries in any order in the header and in the data buffer (old writers sorted by name
 *       only; Hugging Face's sorts by dtype alignment then name);
 *   <li>JSON whitespace before and after the header object (writers pad with spaces to a multiple
 *       of 8 bytes so that the data starts aligned);
 *   <li>bytes in the data buffer that no tensor covers, including trailing bytes after the last
 *       tensor. Hugging Face's reader rejects such gaps, but they are harmless to a reader that only
 *       looks at declared ranges, and some writers align each tensor with padding. Overlapping
 *       tensors are rejected, because two tensors sharing bytes is never what a writer meant;
 *   <li>unknown fields inside a tensor entry are ignored, as Hugging Face's reader does.
 * </ul>
 * Everything else that is wrong is a {@link SafeTensorsException} naming the source and the
 * problem, raised before any tensor data is touched.
 */
public final class SafeTensorsHeader {

    /** Hugging Face's limit; a larger header is far more likely corrupt than real. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    /** Key of the free-form string map in the header. */
    public static final String METADATA_KEY = "__metadata__";

    // Real headers nest three levels (root, entry, shape); a small limit keeps hostile input cheap.
    private static final int MAX_JSON_DEPTH = 16;
    private static final int SNIPPET_CHARS = 60;
    private static final int NAME_CHARS = 120;

    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final long headerLength;
    private final long dataSize;
    private final List<TensorInfo> tensors;
    private final Map<String, TensorInfo> byName;
    private final List<String> names;
    private final Map<String, String> metadata;

    private SafeTensorsHeader(long headerLength, long dataSize, List<TensorInfo> tensors, Map<String, String> metadata) {
        this.headerLength = headerLength;
        this.dataSize = dataSize;
        this.tensors = List.copyOf(tensors);
        Map<String, TensorInfo> index = new LinkedHashMap<>();
        for (TensorInfo t : this.tensors) index.put(t.name(), t);
        this.byName = Collections.unmodifiableMap(index);
        this.names = List.copyOf(index.keySet());
        this.metadata = metadata;
    }

    /**
     * Reads and validates the header of a whole safetensors file held in {@code file}.
     *
     * @param source name for error messages, usually the path
     * @throws SafeTensorsException if anything about the header is malformed
     */
    public static SafeTensorsHeader read(String source, MemorySegment file) {
        long size = file.byteSize();
        if (size < 8) {
            throw new SafeTensorsException(source, "file is " + size + " bytes, shorter than the 8-byte header length prefix");
        }
        long n = file.get(LE_LONG, 0);
        // The prefix is an unsigned u64: a negative long is a length of 2^63 or more.
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new SafeTensorsException(source, "header length " + Long.toUnsignedString(n)
                    + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (n > size - 8) {
            throw new SafeTensorsException(source, "header length " + n + " goes beyond the end of the file ("
                    + size + " bytes, so at most " + (size - 8) + " header bytes)");
        }
        byte[] json = file.asSlice(8, n).toArray(ValueLayout.JAVA_BYTE);
        return parse(source, json, size - 8 - n);
    }

    /**
     * Parses and validates header JSON bytes (without the length prefix) for a data buffer of
     * {@code dataSize} bytes.
     */
    public static SafeTensorsHeader parse(String source, byte[] json, long dataSize) {
        checkUtf8(source, json);
        // Members are validated as they are parsed: the JSON tree of one entry at a time is all
        // that is held, however many tensors the header lists.
        Collector c = new Collector(source, dataSize);
        try {
            Json.forEachMember(json, 0, json.length, MAX_JSON_DEPTH, c);
        } catch (Json.ParseException e) {
            throw new SafeTensorsException(source, "header is not valid JSON: " + e.getMessage()
                    + " of the header (file offset " + (8 + e.position()) + ")", e);
        }
        // Offset order: the natural order of the data, and the one overlap checking needs. The sort
        // is stable, so empty tensors at the same offset keep their header order.
        List<TensorInfo> tensors = c.tensors;
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        checkOverlaps(source, tensors);
        return new SafeTensorsHeader(json.length, dataSize, tensors, c.metadata);
    }

    /** Length N of the JSON header in bytes (padding included); the data buffer starts at 8 + N. */
    public long headerLength() {
        return headerLength;
    }

    /** File offset where the data buffer starts. */
    public long dataStart() {
        return 8 + headerLength;
    }

    /** Size of the data buffer: everything after the header. */
    public long dataSize() {
        return dataSize;
    }

    /** All tensors, ordered by their data offsets (begin, then end); ties keep header order. */
    public List<TensorInfo> tensors() {
        return tensors;
    }

    /** The tensor named {@code name}, or null. */
    public TensorInfo find(String name) {
        return byName.get(name);
    }

    /** Tensor names in {@link #tensors()} order. */
    public List<String> names() {
        return names;
    }

    /** The {@code __metadata__} map in header order; empty when the header has none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    // ---------------------------------------------------------------- validation

    /**
     * The JSON parser checks UTF-8 inside strings, but a stray invalid byte elsewhere would be
     * reported as a syntax error; checking first gives the more useful message.
     */
    private static void checkUtf8(String source, byte[] json) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(4096); // reused: only validity matters, not the text
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                throw new SafeTensorsException(source, "header is not valid UTF-8: bad byte 0x"
                        + String.format("%02x", json[in.position()] & 0xFF) + " at byte " + in.position() + " of the header");
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            break;
        }
    }

    /** Turns header members into tensors and metadata as the parser produces them. */
    private static final class Collector implements Json.MemberVisitor {
        private final String source;
        private final long dataSize;
        final List<TensorInfo> tensors = new ArrayList<>();
        Map<String, String> metadata = Map.of();

        Collector(String source, long dataSize) {
            this.source = source;
            this.dataSize = dataSize;
        }

        @Override
        public void member(String key, Object value) {
            if (key.equals(METADATA_KEY)) {
                metadata = parseMetadata(source, value);
            } else {
                tensors.add(parseEntry(source, key, value, dataSize));
            }
        }
    }

    private static Map<String, String> parseMetadata(String source, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new SafeTensorsException(source, METADATA_KEY + " must be an object of strings, got "
                    + Json.typeName(value) + " " + snippet(value));
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new SafeTensorsException(source, METADATA_KEY + " value for key " + quoteSingle((String) e.getKey())
                        + " must be a string, got " + Json.typeName(e.getValue()) + " " + snippet(e.getValue()));
            }
            result.put((String) e.getKey(), s);
        }
        return Collections.unmodifiableMap(result);
    }

    private static TensorInfo parseEntry(String source, String name, Object value, long dataSize) {
        String what = "tensor " + quoteSingle(name);
        if (!(value instanceof Map<?, ?> entry)) {
            throw new SafeTensorsException(source, what + ": entry is a JSON " + Json.typeName(value)
                    + ", expected an object with dtype, shape and data_offsets");
        }
        Object dtypeValue = field(source, what, entry, "dtype");
        if (!(dtypeValue instanceof String dtypeName)) {
            throw new SafeTensorsException(source, what + ": dtype must be a string, got "
                    + Json.typeName(dtypeValue) + " " + snippet(dtypeValue));
        }
        DType dtype = dtypeOf(dtypeName);
        if (dtype == null) {
            throw new SafeTensorsException(source, what + ": unknown dtype " + quoteSingle(dtypeName)
                    + " (supported: " + supportedDtypes() + ")");
        }

        Object shapeValue = field(source, what, entry, "shape");
        if (!(shapeValue instanceof List<?> dims)) {
            throw new SafeTensorsException(source, what + ": shape must be an array of integers, got "
                    + Json.typeName(shapeValue) + " " + snippet(shapeValue));
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = nonNegativeInteger(source, what, "shape", dims, i);
        }
        long bytes;
        try {
            bytes = TensorInfo.byteSize(name, dtype, shape);
        } catch (IllegalArgumentException e) {
            // Already names the tensor and shape; only the source is missing.
            throw new SafeTensorsException(source, e.getMessage());
        }

        Object offsetsValue = field(source, what, entry, "data_offsets");
        if (!(offsetsValue instanceof List<?> offsets) || offsets.size() != 2) {
            throw new SafeTensorsException(source, what + ": data_offsets must be an array of two integers [begin, end], got "
                    + snippet(offsetsValue));
        }
        long begin = nonNegativeInteger(source, what, "data_offsets", offsets, 0);
        long end = nonNegativeInteger(source, what, "data_offsets", offsets, 1);
        if (begin > end) {
            throw new SafeTensorsException(source, what + ": data_offsets [" + begin + ", " + end + "] have begin > end");
        }
        if (end > dataSize) {
            throw new SafeTensorsException(source, what + ": data_offsets [" + begin + ", " + end
                    + "] end beyond the data buffer of " + dataSize + " bytes");
        }
        if (end - begin != bytes) {
            throw new SafeTensorsException(source, what + ": dtype " + dtype + " shape " + TensorInfo.shapeString(shape)
                    + " needs " + bytes + " bytes but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static Object field(String source, String what, Map<?, ?> entry, String key) {
        if (!entry.containsKey(key)) {
            throw new SafeTensorsException(source, what + ": missing field '" + key + "'");
        }
        return entry.get(key);
    }

    /** Element {@code i} of a JSON array that must hold a non-negative integer fitting in a long. */
    private static long nonNegativeInteger(String source, String what, String field, List<?> list, int i) {
        Object v = list.get(i);
        if (v instanceof Long l && l >= 0) return l; // the common case: no message is built
        String where = what + ": " + field + " " + snippet(list);
        if (v instanceof Long l) {
            throw new SafeTensorsException(source, where + " has a negative value " + l);
        }
        if (v instanceof BigInteger big) {
            throw new SafeTensorsException(source, where + " has value " + big
                    + (big.signum() < 0 ? ", negative" : ", too large (limit 2^63-1)"));
        }
        if (v instanceof Double) {
            throw new SafeTensorsException(source, where + " has a non-integer value " + snippet(v)
                    + " (write integers without fraction or exponent)");
        }
        throw new SafeTensorsException(source, where + " has a " + Json.typeName(v) + " where an integer is required");
    }

    private static void checkOverlaps(String source, List<TensorInfo> sorted) {
        TensorInfo reach = null; // the non-empty tensor that extends furthest so far
        for (TensorInfo t : sorted) {
            if (t.begin() == t.end()) continue; // an empty tensor shares no bytes
            if (reach != null && t.begin() < reach.end()) {
                throw new SafeTensorsException(source, "tensors " + quoteSingle(reach.name()) + " [" + reach.begin() + ", "
                        + reach.end() + ") and " + quoteSingle(t.name()) + " [" + t.begin() + ", " + t.end()
                        + ") overlap in the data buffer");
            }
            if (reach == null || t.end() > reach.end()) reach = t;
        }
    }

    /** Exact, case-sensitive lookup: the format's dtype names are upper case. */
    private static DType dtypeOf(String name) {
        for (DType d : DType.values()) {
            if (name.equals(d.safetensorsName())) return d;
        }
        return null;
    }

    private static String supportedDtypes() {
        StringJoiner j = new StringJoiner(", ");
        for (DType d : DType.values()) if (d.safetensorsName() != null) j.add(d.safetensorsName());
        return j.toString();
    }

    /** 'name' for messages: control characters escaped, cut if absurdly long so a hostile header cannot bloat the message. */
    static String quoteSingle(String s) {
        return "'" + Printable.of(s, NAME_CHARS) + "'";
    }

    private static String snippet(Object v) {
        return Json.toJson(v, SNIPPET_CHARS);
    }
}
