package io.genai4j.engine.io.gguf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.SmallHeap;
import io.genai4j.engine.quant.BlockCodec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a valid GGUF file thousands of times. Each mutant must open and decode completely, or be
 * refused with a GgufException; anything else (an index error, a NegativeArraySizeException, an
 * OutOfMemoryError under the 256 MB heap of the small-heap execution) is a hardening bug.
 *
 * <p>Besides random bytes and truncation, structured mutations rewrite the header's own fields,
 * located by walking a valid file: counts and lengths set to huge or off-by-one values, zero and
 * huge dimensions, value and tensor types swapped for other or unknown ones. Some mutants are
 * also opened as sparse files of 3 GB, where the bytes left no longer bound a Java array.
 */
@SmallHeap
class GgufFuzzTest {
    @TempDir
    Path dir;

    private enum Kind { COUNT, LENGTH, VALUE_TYPE, ARRAY_TYPE, N_DIMS, DIM, TENSOR_TYPE, OFFSET }

    /** A header field of the valid file: where it is, how wide, what it means. */
    private record Field(Kind kind, int at, int width) {}

    private static byte[] validFile(Path dir) throws IOException {
        GgufWriter w = new GgufWriter();
        w.putString("general.architecture", "llama");
        w.putU32("llama.block_count", 2);
        w.putF32("eps", 1e-5f);
        w.putBool("flag", true);
        w.put("u64", GgufValueType.UINT64, 7L);
        w.putStrings("tokens", new String[] {"a", "bc", "", "<0x0A>"});
        w.putFloats("scores", new float[] {0f, -1.5f, 2f, 3f});
        w.put("u8s", GgufValueType.ARRAY, new GgufArray(GgufValueType.UINT8, new long[] {1, 2, 3}));
        w.put("nested", GgufValueType.ARRAY, new GgufArray(GgufValueType.ARRAY,
                new GgufArray[] {new GgufArray(GgufValueType.UINT16, new long[] {1, 2})}));
        float[] v = new float[2 * 32];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.125f - 3;
        w.addTensor("token_embd.weight", DType.F32, new long[] {2, 32}, BlockCodec.encodeRows(DType.F32, v, 2, 32));
        w.addTensor("blk.0.attn_q.weight", DType.Q8_0, new long[] {2, 32}, BlockCodec.encodeRows(DType.Q8_0, v, 2, 32));
        w.addTensor("norm", DType.F16, new long[] {3}, BlockCodec.encodeRows(DType.F16, new float[] {1, 2, 3}, 1, 3));
        Path p = dir.resolve("seed.gguf");
        w.write(p);
        return Files.readAllBytes(p);
    }

    /** Walks a valid file's header, recording every count, length, type, dimension and offset field. */
    private static List<Field> fields(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Field> out = new ArrayList<>();
        b.position(8);
        out.add(new Field(Kind.COUNT, 8, 8));
        long nTensors = b.getLong();
        out.add(new Field(Kind.COUNT, 16, 8));
        long nKv = b.getLong();
        for (long i = 0; i < nKv; i++) {
            skipString(b, out);
            out.add(new Field(Kind.VALUE_TYPE, b.position(), 4));
            value(b, b.getInt(), out);
        }
        for (long i = 0; i < nTensors; i++) {
            skipString(b, out);
            out.add(new Field(Kind.N_DIMS, b.position(), 4));
            int nDims = b.getInt();
            for (int d = 0; d < nDims; d++) {
                out.add(new Field(Kind.DIM, b.position(), 8));
                b.getLong();
            }
            out.add(new Field(Kind.TENSOR_TYPE, b.position(), 4));
            b.getInt();
            out.add(new Field(Kind.OFFSET, b.position(), 8));
            b.getLong();
        }
        return out;
    }

    private static void skipString(ByteBuffer b, List<Field> out) {
        out.add(new Field(Kind.LENGTH, b.position(), 8));
        int n = (int) b.getLong();
        b.position(b.position() + n);
    }

    private static void value(ByteBuffer b, int type, List<Field> out) {
        GgufValueType t = GgufValueType.byId(type);
        switch (t) {
            case STRING -> skipString(b, out);
            case ARRAY -> {
                out.add(new Field(Kind.ARRAY_TYPE, b.position(), 4));
                int et = b.getInt();
                out.add(new Field(Kind.LENGTH, b.position(), 8));
                long n = b.getLong();
                for (long i = 0; i < n; i++) value(b, et, out);
            }
            default -> b.position(b.position() + t.size());
        }
    }

    private record Mutant(byte[] bytes, String how) {}

    private static final long[] HUGE = {0, 1, 2, 3, 31, 32, 255, 100_000_000, 1L << 31, (1L << 31) - 1, (1L << 32) + 3, 1L << 32, 1L << 40,
            Long.MAX_VALUE, -1L, Long.MIN_VALUE, 0xFFFF_FFFFL};

    private static Mutant mutate(byte[] orig, List<Field> fields, SplittableRandom rnd) {
        byte[] b = orig.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int mode = rnd.nextInt(10);
        if (mode < 6) {   // a structured mutation of one header field
            Field f = fields.get(rnd.nextInt(fields.size()));
            long value = switch (f.kind) {
                case COUNT, LENGTH, OFFSET -> rnd.nextBoolean() ? HUGE[rnd.nextInt(HUGE.length)] : read(bb, f) + rnd.nextInt(-3, 4);
                case DIM -> rnd.nextInt(3) == 0 ? 0 : rnd.nextBoolean() ? HUGE[rnd.nextInt(HUGE.length)] : read(bb, f) * rnd.nextInt(0, 5);
                case N_DIMS -> rnd.nextInt(-1, 7);
                case VALUE_TYPE, ARRAY_TYPE -> rnd.nextInt(5) == 0 ? rnd.nextInt(13, 300) : rnd.nextInt(13);
                case TENSOR_TYPE -> rnd.nextInt(5) == 0 ? rnd.nextInt(40, 300) : rnd.nextInt(40);
            };
            if (f.width == 8) bb.putLong(f.at, value);
            else bb.putInt(f.at, (int) value);
            return new Mutant(b, f.kind + " at " + f.at + " -> " + Long.toUnsignedString(value));
        }
        return switch (mode) {
            case 6 -> {
                int len = rnd.nextInt(orig.length);
                yield new Mutant(Arrays.copyOf(orig, len), "truncated to " + len);
            }
            case 7 -> {
                int at = rnd.nextInt(b.length);
                b[at] = (byte) rnd.nextInt(256);
                yield new Mutant(b, "byte at " + at);
            }
            case 8 -> {
                int at = rnd.nextInt(b.length);
                b[at] ^= (byte) (1 << rnd.nextInt(8));
                yield new Mutant(b, "bit flip at " + at);
            }
            default -> new Mutant(b, "unchanged");
        };
    }

    private static long read(ByteBuffer b, Field f) {
        return f.width == 8 ? b.getLong(f.at) : b.getInt(f.at) & 0xFFFF_FFFFL;
    }

    /** Decodes every array and touches every tensor's bytes; true if accepted, false if cleanly rejected. */
    private static boolean readAll(String source, MemorySegment seg) {
        try {
            GgufReader.Header h = GgufReader.read(source, seg);
            for (GgufMetadata.Entry e : h.metadata().entries().values()) {
                if (e.value() instanceof GgufArray a) decode(a);
            }
            for (GgufTensorInfo t : h.tensors()) {
                MemorySegment data = seg.asSlice(h.dataStart() + t.offset(), t.byteSize());
                if (data.byteSize() > 0) data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, data.byteSize() - 1);
            }
            return true;
        } catch (GgufException expected) {
            return false;
        }
    }

    private static void decode(GgufArray a) {
        if (a.values() instanceof GgufArray[] nested) for (GgufArray n : nested) decode(n);
    }

    @Test
    void mutantsAreReadOrRejectedCleanly() throws IOException {
        byte[] orig = validFile(dir);
        List<Field> fields = fields(orig);
        assertTrue(readAll("seed", MemorySegment.ofArray(orig)));
        SplittableRandom rnd = new SplittableRandom(20261203);
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            Mutant m = mutate(orig, fields, rnd);
            try {
                if (readAll("mutant", MemorySegment.ofArray(m.bytes))) accepted++;
                else rejected++;
            } catch (Throwable t) {
                fail("mutation " + i + " (" + m.how + ") threw " + t, t);
            }
        }
        // Both outcomes must occur, or the mutations are not exercising anything.
        assertTrue(accepted > 500, "accepted " + accepted);
        assertTrue(rejected > 5000, "rejected " + rejected);
    }

    @Test
    void mutantsInSparseFilesOver2GBAreReadOrRejectedCleanly() throws IOException {
        byte[] orig = validFile(dir);
        List<Field> fields = fields(orig);
        SplittableRandom rnd = new SplittableRandom(31);
        Path p = dir.resolve("sparse.gguf");
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 300; i++) {
            Mutant m = mutate(orig, fields, rnd);
            Files.write(p, m.bytes);
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(3L << 30);   // a hole: lengths up to 3 GB now fit "in the file"
            }
            try (GgufFile f = GgufFile.open(p)) {
                // Decoding is the caller's allocation, up to 8 bytes per declared element (long[] of
                // UINT8): decode only what a 256 MB heap can hold; opening must cost nothing for the rest.
                for (GgufMetadata.Entry e : f.metadata().entries().values()) {
                    if (e.value() instanceof GgufArray a && a.length() <= 1 << 20) decode(a);
                }
                accepted++;
            } catch (GgufException expected) {
                rejected++;
            } catch (Throwable t) {
                fail("sparse mutation " + i + " (" + m.how + ") threw " + t, t);
            }
        }
        assertTrue(accepted > 10, "accepted " + accepted);
        assertTrue(rejected > 10, "rejected " + rejected);
    }
}
