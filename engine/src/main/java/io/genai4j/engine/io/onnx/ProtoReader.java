package io.genai4j.engine.io.onnx;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over protobuf wire-format bytes (https://protobuf.dev/programming-guides/encoding/):
 * a message is a sequence of (tag, value) records, tag = field_number << 3 | wire_type, with
 * <pre>
 *   0 VARINT  base-128 little-endian, at most 10 bytes
 *   1 I64     8 bytes little-endian
 *   2 LEN     a varint length, then that many bytes (strings, bytes, sub-messages, packed arrays)
 *   5 I32     4 bytes little-endian
 * </pre>
 * (3 and 4, the deprecated groups, are rejected.) Every length is checked against the bytes that
 * remain before anything is allocated, so a corrupt file yields an {@link OnnxException} naming the
 * byte offset, never an OutOfMemoryError or an index error.
 */
final class ProtoReader {
    static final int VARINT = 0, I64 = 1, LEN = 2, I32 = 5;

    private final MemorySegment seg;
    private long pos;
    private final long limit;

    ProtoReader(MemorySegment seg, long start, long limit) {
        this.seg = seg;
        this.pos = start;
        this.limit = limit;
    }

    /** True while fields remain in this message. */
    boolean hasMore() {
        return pos < limit;
    }

    long position() {
        return pos;
    }

    /** Reads a tag; returns it whole (field = tag >>> 3, wire type = tag & 7). */
    int tag() {
        long start = pos;
        long t = varint();
        int wire = (int) (t & 7);
        long field = t >>> 3;
        if (field == 0 || field > 536_870_911L) throw error("invalid field number " + field, start);
        if (wire == 3 || wire == 4 || wire > 5) throw error("unsupported wire type " + wire + " for field " + field, start);
        return (int) t;
    }

    long varint() {
        long start = pos;
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= limit) throw error("truncated varint", start);
            byte b = seg.get(ValueLayout.JAVA_BYTE, pos++);
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) return result;
        }
        throw error("varint longer than 10 bytes", start);
    }

    int fixed32() {
        need(4);
        int v = seg.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), pos);
        pos += 4;
        return v;
    }

    long fixed64() {
        need(8);
        long v = seg.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), pos);
        pos += 8;
        return v;
    }

    /** Reads a LEN field's length and returns [start, end) of its payload, advancing past it. */
    long[] lengthDelimited() {
        long start = pos;
        long n = varint();
        if (n < 0 || n > limit - pos) throw error("length " + n + " runs past the end of its message (" + (limit - pos) + " bytes left)", start);
        long[] r = {pos, pos + n};
        pos += n;
        return r;
    }

    /** A sub-message reader over the next LEN field. */
    ProtoReader message() {
        long[] r = lengthDelimited();
        return new ProtoReader(seg, r[0], r[1]);
    }

    String string() {
        long[] r = lengthDelimited();
        long n = r[1] - r[0];
        if (n > Integer.MAX_VALUE - 8) throw error("string of " + n + " bytes", r[0]);
        byte[] b = seg.asSlice(r[0], n).toArray(ValueLayout.JAVA_BYTE);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw error("string is not valid UTF-8", r[0]);
        }
    }

    /** Skips a field's value given its wire type. */
    void skip(int tag) {
        switch (tag & 7) {
            case VARINT -> varint();
            case I64 -> skipBytes(8);
            case LEN -> lengthDelimited();
            case I32 -> skipBytes(4);
            default -> throw error("unsupported wire type " + (tag & 7), pos);
        }
    }

    /**
     * Reads a repeated int64 field that may be packed (one LEN record) or not (one VARINT per
     * element), appending to out.
     */
    void int64s(int tag, LongList out) {
        if ((tag & 7) == VARINT) {
            out.add(varint());
        } else if ((tag & 7) == LEN) {
            ProtoReader packed = message();
            while (packed.hasMore()) out.add(packed.varint());
        } else {
            throw error("repeated integer field with wire type " + (tag & 7), pos);
        }
    }

    MemorySegment segment() {
        return seg;
    }

    private void need(long n) {
        if (limit - pos < n) throw error("truncated: need " + n + " bytes, " + (limit - pos) + " left", pos);
    }

    private void skipBytes(long n) {
        need(n);
        pos += n;
    }

    OnnxException error(String what, long at) {
        return new OnnxException(what + " at byte " + at);
    }

    /** A growable long array (dims, int64_data) that never grows past what the input holds. */
    static final class LongList {
        private long[] a = new long[4];
        private int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
