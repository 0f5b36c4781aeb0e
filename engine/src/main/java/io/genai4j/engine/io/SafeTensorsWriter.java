package io.genai4j.engine.io;

import io.genai4j.engine.DType;
import io.genai4j.engine.util.AtomicFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes safetensors files laid out byte for byte as Hugging Face's library does, so a file written
 * here and one written by {@code safetensors.torch.save_file} from the same tensors are identical
 * (given at most one metadata entry, see below):
 * <ul>
 *   <li>tensors sorted by descending dtype rank, then by name (compared as UTF-8 bytes, as Rust
 *       compares strings). The rank is the order of Hugging Face's dtype enum, which lists types by
 *       increasing alignment; largest first means every tensor starts aligned to its element size
 *       once the data buffer is 8-aligned;
 *   <li>data contiguous, no gaps, in that order;
 *   <li>compact JSON, {@code __metadata__} first, entry fields in the order dtype, shape,
 *       data_offsets, strings escaped as serde_json does;
 *   <li>header padded with spaces to a multiple of 8 bytes, so the data buffer starts 8-aligned.
 * </ul>
 * Metadata keys are written sorted. (Hugging Face keeps metadata in a hash map, so its key order is
 * not deterministic; sorting makes ours reproducible.) Null or empty metadata writes no
 * {@code __metadata__} key.
 *
 * <p>Writes are atomic: the bytes go to a temporary file in the target's directory, are forced to
 * disk, and the temporary file is then renamed over the target. A crash or error at any point leaves
 * either the old file or the new one, never a half-written file; the temporary file is deleted on
 * failure.
 */
final class SafeTensorsWriter {

    /** Hugging Face's dtype enum order for the types we have (BOOL lowest, U64 highest). */
    private static final List<DType> HF_ORDER = List.of(
            DType.BOOL, DType.U8, DType.I8, DType.I16, DType.U16, DType.F16, DType.BF16,
            DType.I32, DType.U32, DType.F32, DType.F64, DType.I64, DType.U64);

    private static final int COPY_CHUNK = 1 << 20;

    private SafeTensorsWriter() {}

    /** Entries in the order their data is laid out (and their header entries written). */
    static List<WriteEntry> layoutOrder(List<WriteEntry> entries) {
        record Keyed(WriteEntry e, int rank, byte[] name) {}
        List<Keyed> keyed = new ArrayList<>(entries.size());
        for (WriteEntry e : entries) keyed.add(new Keyed(e, HF_ORDER.indexOf(e.dtype()), e.name().getBytes(StandardCharsets.UTF_8)));
        keyed.sort((a, b) -> a.rank != b.rank ? Integer.compare(b.rank, a.rank) : Arrays.compareUnsigned(a.name, b.name));
        List<WriteEntry> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) out.add(k.e);
        return out;
    }

    /** The header JSON, padded with spaces to a multiple of 8 bytes, for entries in layout order. */
    static byte[] header(List<WriteEntry> ordered, Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder(64 + 96 * ordered.size());
        sb.append('{');
        boolean first = true;
        if (metadata != null && !metadata.isEmpty()) {
            sb.append("\"__metadata__\":{");
            boolean firstMeta = true;
            for (Map.Entry<String, String> m : new TreeMap<>(metadata).entrySet()) {
                if (!firstMeta) sb.append(',');
                firstMeta = false;
                Json.appendString(sb, m.getKey()).append(':');
                Json.appendString(sb, m.getValue());
            }
            sb.append('}');
            first = false;
        }
        long offset = 0;
        for (WriteEntry e : ordered) {
            if (!first) sb.append(',');
            first = false;
            Json.appendString(sb, e.name()).append(":{\"dtype\":\"").append(e.dtype().safetensorsName()).append("\",\"shape\":[");
            long[] shape = e.shape();
            for (int i = 0; i < shape.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(shape[i]);
            }
            long end = offset + e.byteSize();
            sb.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) & ~7;
        if (padded > SafeTensorsHeader.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + padded + " bytes exceeds the safetensors limit of "
                    + SafeTensorsHeader.MAX_HEADER_BYTES);
        }
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    static void write(Path path, List<WriteEntry> entries, Map<String, String> metadata) throws IOException {
        validate(entries, metadata);
        List<WriteEntry> ordered = layoutOrder(entries);
        byte[] header = header(ordered, metadata);

        AtomicFiles.replace(path, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
                writeFully(ch, prefix);
                writeFully(ch, ByteBuffer.wrap(header));
                ByteBuffer chunk = ByteBuffer.allocateDirect(COPY_CHUNK);
                MemorySegment chunkSegment = MemorySegment.ofBuffer(chunk); // views all of it, whatever its position
                for (WriteEntry e : ordered) writeSegment(ch, e.data(), chunk, chunkSegment);
            }
        });
    }

    private static void validate(List<WriteEntry> entries, Map<String, String> metadata) {
        Set<String> seen = new HashSet<>();
        for (WriteEntry e : entries) {
            if (e == null) throw new IllegalArgumentException("null entry in the tensor list");
            if (!seen.add(e.name())) throw new IllegalArgumentException("duplicate tensor name '" + e.name() + "'");
        }
        if (metadata != null) {
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                if (m.getKey() == null || m.getValue() == null) {
                    throw new IllegalArgumentException("metadata keys and values must not be null: " + m.getKey() + "=" + m.getValue());
                }
            }
        }
    }

    /**
     * Copies through a direct buffer in chunks: works for every kind of segment (heap arrays of any
     * element type, native memory, mappings larger than 2 GB) and keeps memory use flat.
     */
    private static void writeSegment(FileChannel ch, MemorySegment data, ByteBuffer chunk, MemorySegment buf)
            throws IOException {
        long size = data.byteSize();
        for (long off = 0; off < size; ) {
            int n = (int) Math.min(COPY_CHUNK, size - off);
            MemorySegment.copy(data, off, buf, 0, n);
            chunk.clear().limit(n);
            writeFully(ch, chunk);
            off += n;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }
}
