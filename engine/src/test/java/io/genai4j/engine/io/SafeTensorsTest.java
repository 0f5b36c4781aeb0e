package io.genai4j.engine.io;

import static io.genai4j.engine.io.SafeTensorsTestFiles.concat;
import static io.genai4j.engine.io.SafeTensorsTestFiles.f32;
import static io.genai4j.engine.io.SafeTensorsTestFiles.file;
import static io.genai4j.engine.io.SafeTensorsTestFiles.i64;
import static io.genai4j.engine.io.SafeTensorsTestFiles.u64;
import static io.genai4j.engine.io.SafeTensorsTestFiles.write;
import static io.genai4j.engine.io.SafeTensorsTestFiles.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.quant.HalfFloats;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    private static long[] shape(long... dims) {
        return dims;
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    /** Several dtypes, a scalar, an empty tensor, metadata. */
    private static List<WriteEntry> sampleEntries() {
        return List.of(
                WriteEntry.ofFloats("layer.weight", DType.F32, shape(2, 3), new float[] {1, -2, 3.5f, 0, 1e-3f, 7}),
                WriteEntry.ofFloats("layer.half", DType.F16, shape(4), new float[] {0.5f, -1, 65504, 0.099975586f}),
                WriteEntry.ofFloats("layer.bf", DType.BF16, shape(2, 2), new float[] {1, -2, 0.15625f, 3e38f}),
                WriteEntry.ofLongs("ids", shape(3), new long[] {-1, 0, Long.MAX_VALUE}),
                WriteEntry.ofFloats("scale", DType.F32, shape(), new float[] {0.25f}),
                WriteEntry.ofFloats("empty", DType.F32, shape(0, 4), new float[0]),
                WriteEntry.ofInts("pos", shape(2), new int[] {5, -6}));
    }

    private static Map<String, String> sampleMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("note", "quote \" backslash \\ newline \n unicode é \uD83D\uDE00");
        return m;
    }

    @Test
    void roundTripsSeveralDtypesScalarsAndEmptyTensors() throws IOException {
        Path p = dir.resolve("model.safetensors");
        SafeTensors.write(p, sampleEntries(), sampleMetadata());
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertEquals(sampleMetadata(), f.metadata());
            assertEquals(7, f.tensors().size());

            TensorInfo w = f.info("layer.weight");
            assertEquals(DType.F32, w.dtype());
            assertArrayEquals(shape(2, 3), w.shape());
            assertEquals(6, w.numel());
            assertArrayEquals(new float[] {1, -2, 3.5f, 0, 1e-3f, 7}, f.readF32("layer.weight"));

            assertArrayEquals(new float[] {0.5f, -1, 65504, 0.099975586f}, f.readF32("layer.half"));
            // 3e38 rounds to the nearest BF16; the others are exact.
            float[] bf = f.readF32("layer.bf");
            assertArrayEquals(new float[] {1, -2, 0.15625f}, java.util.Arrays.copyOf(bf, 3));
            assertEquals(HalfFloats.bf16ToF32(HalfFloats.f32ToBf16(3e38f)), bf[3]);

            MemorySegment ids = f.data("ids");
            ValueLayout.OfLong le = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
            assertEquals(-1, ids.get(le, 0));
            assertEquals(Long.MAX_VALUE, ids.get(le, 16));
            assertArrayEquals(new float[] {-1, 0, 9.223372E18f}, f.readF32("ids"));

            TensorInfo scalar = f.info("scale");
            assertEquals(0, scalar.rank());
            assertEquals(1, scalar.numel());
            assertArrayEquals(new float[] {0.25f}, f.readF32("scale"));

            TensorInfo empty = f.info("empty");
            assertArrayEquals(shape(0, 4), empty.shape());
            assertEquals(0, empty.numel());
            assertEquals(0, f.data("empty").byteSize());
            assertArrayEquals(new float[0], f.readF32("empty"));

            assertArrayEquals(new float[] {5, -6}, f.readF32("pos"));
        }
    }

    @Test
    void rewritingFromTheMappedFileIsByteExact() throws IOException {
        Path p = dir.resolve("a.safetensors");
        SafeTensors.write(p, sampleEntries(), sampleMetadata());
        Path q = dir.resolve("b.safetensors");
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            List<WriteEntry> copy = new ArrayList<>();
            // Header order differs from the input order on purpose: layout must not depend on it.
            for (TensorInfo t : f.tensors().reversed()) {
                copy.add(new WriteEntry(t.name(), t.dtype(), t.shape(), f.data(t.name())));
            }
            SafeTensors.write(q, copy, f.metadata());
        }
        assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(q));
    }

    @Test
    void layoutFollowsHuggingFace() throws IOException {
        Path p = dir.resolve("layout.safetensors");
        SafeTensors.write(p, sampleEntries(), sampleMetadata());
        byte[] bytes = Files.readAllBytes(p);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            long n = f.header().headerLength();
            assertEquals(0, n % 8, "header padded to a multiple of 8");
            String json = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{\"__metadata__\":{\"format\":\"pt\",\"note\":"), json);
            // Descending dtype rank (I64 > F32 > I32 > BF16 > F16), then name; data contiguous.
            List<String> order = f.tensors().stream().map(TensorInfo::name).toList();
            assertEquals(List.of("ids", "empty", "layer.weight", "scale", "pos", "layer.bf", "layer.half"), order);
            long expectedBegin = 0;
            for (TensorInfo t : f.tensors()) {
                assertEquals(expectedBegin, t.begin(), t.name());
                assertEquals(0, (f.header().dataStart() + t.begin()) % t.dtype().bytes(), "aligned " + t.name());
                expectedBegin = t.end();
            }
            assertEquals(expectedBegin, f.header().dataSize(), "no trailing bytes");
            // Header entries appear in the same order as the data.
            int last = -1;
            for (String name : order) {
                int at = json.indexOf("\"" + name + "\":{\"dtype\"");
                assertTrue(at > last, name);
                last = at;
            }
            String body = json.stripTrailing();
            assertTrue(body.endsWith("}"), json);
            assertTrue(json.substring(body.length()).matches(" {0,7}"), "padding is spaces only");
        }
    }

    /**
     * A file laid out exactly as Hugging Face's safetensors library writes it, built here by hand:
     * compact JSON with "__metadata__" first, entries sorted by descending dtype (I64, F32, F16)
     * then name, fields in the order dtype/shape/data_offsets, header padded with spaces to a
     * multiple of 8, data contiguous.
     */
    @Test
    void readsAndReproducesAHandBuiltHuggingFaceFile() throws IOException {
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[8,24]},"
                + "\"bias\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[24,28]}}";
        assertEquals(206, json.length());
        String padded = json + "  "; // 206 + 2 = 208 = 26 * 8
        byte[] data = concat(i64(7), f32(1, 2, 3, 4), new byte[] {0x00, 0x38, 0x00, (byte) 0xBC}); // F16 0.5, -1
        byte[] golden = file(padded, data);
        assertEquals(208, golden[0] & 0xFF);
        Path p = write(dir, "hf.safetensors", golden);

        List<WriteEntry> again;
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertEquals(Map.of("format", "pt"), f.metadata());
            assertEquals(List.of("ids", "weight", "bias"), f.names());
            assertEquals(new TensorInfo("weight", DType.F32, shape(2, 2), 8, 24), f.info("weight"));
            assertArrayEquals(new float[] {1, 2, 3, 4}, f.readF32("weight"));
            assertArrayEquals(new float[] {0.5f, -1}, f.readF32("bias"));
            assertArrayEquals(new float[] {7}, f.readF32("ids"));
            assertEquals(216, f.header().dataStart());
        }
        // Our writer, given the same tensors in another order, produces the identical bytes.
        again = List.of(
                WriteEntry.ofFloats("bias", DType.F16, shape(2), new float[] {0.5f, -1}),
                WriteEntry.ofFloats("weight", DType.F32, shape(2, 2), new float[] {1, 2, 3, 4}),
                WriteEntry.ofLongs("ids", shape(1), new long[] {7}));
        Path q = dir.resolve("ours.safetensors");
        SafeTensors.write(q, again, Map.of("format", "pt"));
        assertArrayEquals(golden, Files.readAllBytes(q));
    }

    /**
     * The two smallest layouts, with the header lengths Hugging Face's own serializer tests expect:
     * 72 for a single F32 [1,1,2,3] tensor named "attn0" (65 JSON bytes + 7 spaces) and 40 for no
     * tensors with metadata {"framework":"pt"} (35 + 5).
     */
    @Test
    void matchesHuggingFaceHeaderLengthsForMinimalFiles() throws IOException {
        Path a = dir.resolve("attn.safetensors");
        SafeTensors.write(a, List.of(WriteEntry.ofFloats("attn0", DType.F32, shape(1, 1, 2, 3), new float[] {0, 1, 2, 3, 4, 5})), null);
        byte[] expectedA = file("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ",
                f32(0, 1, 2, 3, 4, 5));
        assertEquals(72, expectedA[0]);
        assertArrayEquals(expectedA, Files.readAllBytes(a));

        Path b = dir.resolve("meta.safetensors");
        SafeTensors.write(b, List.of(), Map.of("framework", "pt"));
        byte[] expectedB = file("{\"__metadata__\":{\"framework\":\"pt\"}}     ", new byte[0]);
        assertEquals(40, expectedB[0]);
        assertArrayEquals(expectedB, Files.readAllBytes(b));

        Path c = dir.resolve("nothing.safetensors");
        SafeTensors.write(c, List.of(), Map.of());
        assertArrayEquals(file("{}      ", new byte[0]), Files.readAllBytes(c));
        try (SafeTensorsFile f = SafeTensors.open(c)) {
            assertTrue(f.tensors().isEmpty());
            assertTrue(f.metadata().isEmpty());
        }
    }

    @Test
    void acceptsAnyOrderGapsTrailingBytesAndWhitespace() throws IOException {
        // Header lists "a" first but its data comes second; a 4-byte gap between the tensors and
        // 3 trailing bytes nobody claims; whitespace around the object.
        String json = "\n\t {\"a\": {\"shape\": [2], \"dtype\": \"F32\", \"data_offsets\": [12, 20], \"extra\": 1},"
                + " \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}} \r\n";
        byte[] data = concat(f32(3, 4), zeros(4), f32(1, 2), zeros(3));
        Path p = write(dir, "loose.safetensors", file(json, data));
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertEquals(List.of("b", "a"), f.names(), "offset order");
            assertArrayEquals(new float[] {1, 2}, f.readF32("a"));
            assertArrayEquals(new float[] {3, 4}, f.readF32("b"));
            assertEquals(23, f.header().dataSize());
        }
    }

    @Test
    void emptyTensorsMayShareAnOffsetWithOthers() throws IOException {
        String json = "{\"e1\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,4]},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"e2\":{\"dtype\":\"I64\",\"shape\":[3,0],\"data_offsets\":[8,8]}}";
        Path p = write(dir, "empties.safetensors", file(json, f32(1, 2)));
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertEquals(List.of("x", "e1", "e2"), f.names());
            assertArrayEquals(new float[0], f.readF32("e2"));
        }
    }

    @Test
    void readF32ConvertsEveryIntegerType() throws IOException {
        List<WriteEntry> entries = List.of(
                WriteEntry.ofBytes("u8", DType.U8, shape(2), new byte[] {(byte) 255, 1}),
                WriteEntry.ofBytes("i8", DType.I8, shape(2), new byte[] {(byte) -1, 127}),
                WriteEntry.ofBytes("bool", DType.BOOL, shape(3), new byte[] {0, 1, 2}),
                WriteEntry.ofBytes("u16", DType.U16, shape(1), new byte[] {(byte) 0xFF, (byte) 0xFF}),
                WriteEntry.ofBytes("i16", DType.I16, shape(1), new byte[] {(byte) 0xFE, (byte) 0xFF}),
                WriteEntry.ofBytes("u32", DType.U32, shape(1), new byte[] {-1, -1, -1, -1}),
                WriteEntry.ofInts("i32", shape(1), new int[] {-5}),
                WriteEntry.ofBytes("u64", DType.U64, shape(2), i64(-1, Long.MIN_VALUE)),
                WriteEntry.ofFloats("f64", DType.F64, shape(1), new float[] {1.5f}));
        Path p = dir.resolve("ints.safetensors");
        SafeTensors.write(p, entries, null);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertArrayEquals(new float[] {255, 1}, f.readF32("u8"));
            assertArrayEquals(new float[] {-1, 127}, f.readF32("i8"));
            assertArrayEquals(new float[] {0, 1, 1}, f.readF32("bool"));
            assertArrayEquals(new float[] {65535}, f.readF32("u16"));
            assertArrayEquals(new float[] {-2}, f.readF32("i16"));
            assertArrayEquals(new float[] {4294967295f}, f.readF32("u32"));
            assertArrayEquals(new float[] {-5}, f.readF32("i32"));
            assertArrayEquals(new float[] {0x1p64f, 0x1p63f}, f.readF32("u64"));
            assertArrayEquals(new float[] {1.5f}, f.readF32("f64"));
        }
    }

    @Test
    void missingTensorErrorNamesItAndListsSome() throws IOException {
        Path p = dir.resolve("m.safetensors");
        SafeTensors.write(p, sampleEntries(), null);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertFalse(f.contains("lm_head.weight"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.info("lm_head.weight"));
            assertMessage(e, "'lm_head.weight'", p.toString(), "7 tensors", "'ids'", "... (7 in all)");
            assertThrows(IllegalArgumentException.class, () -> f.readF32("lm_head.weight"));
        }
    }

    @Test
    void closeUnmapsAndIsIdempotent() throws IOException {
        Path p = dir.resolve("c.safetensors");
        SafeTensors.write(p, sampleEntries(), null);
        SafeTensorsFile f = SafeTensors.open(p);
        MemorySegment w = f.data("layer.weight");
        assertEquals(1f, w.get(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0));
        assertTrue(w.isReadOnly());
        f.close();
        f.close();
        assertThrows(IllegalStateException.class, () -> w.get(ValueLayout.JAVA_BYTE, 0));
        assertThrows(IllegalStateException.class, () -> f.data("layer.weight"));
        assertEquals(7, f.tensors().size(), "header survives close");
    }

    @Test
    void slicesAreReadableFromOtherThreads() throws Exception {
        Path p = dir.resolve("t.safetensors");
        SafeTensors.write(p, sampleEntries(), null);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            MemorySegment w = f.data("layer.weight");
            float[] got = new float[1];
            Thread t = Thread.ofPlatform().start(() ->
                    got[0] = w.get(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8));
            t.join();
            assertEquals(3.5f, got[0]);
        }
    }

    @Test
    void writerRejectsDuplicateNamesAndReservedName() {
        Path p = dir.resolve("dup.safetensors");
        WriteEntry a = WriteEntry.ofFloats("w", DType.F32, shape(1), new float[] {1});
        WriteEntry b = WriteEntry.ofFloats("w", DType.F16, shape(1), new float[] {2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(p, List.of(a, b), null));
        assertMessage(e, "duplicate tensor name 'w'");
        assertFalse(Files.exists(p));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> WriteEntry.ofFloats("__metadata__", DType.F32, shape(1), new float[] {1})), "reserved");
    }

    @Test
    void entriesRejectShapeDataMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WriteEntry.ofBytes("w", DType.F32, shape(2, 3), new byte[20]));
        assertMessage(e, "tensor 'w'", "[2, 3]", "F32", "needs 24 bytes", "has 20");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> WriteEntry.ofFloats("v", DType.BF16, shape(4), new float[3])), "tensor 'v'", "4 elements", "3 values");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> WriteEntry.ofFloats("v", DType.I32, shape(1), new float[1])), "cannot write floats as I32");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> WriteEntry.ofBytes("n", DType.U8, shape(-1), new byte[0])), "negative dimension -1");
    }

    @Test
    void failedWriteLeavesTheExistingFileIntactAndNoTempFiles() throws IOException {
        Path p = dir.resolve("keep.safetensors");
        SafeTensors.write(p, sampleEntries(), Map.of("v", "1"));
        byte[] before = Files.readAllBytes(p);

        // A segment whose memory is freed before the write: reading it fails half-way through.
        Arena arena = Arena.ofConfined();
        MemorySegment gone = arena.allocate(16);
        arena.close();
        List<WriteEntry> entries = new ArrayList<>(sampleEntries());
        entries.add(new WriteEntry("zz.gone", DType.F16, shape(8), gone)); // laid out last
        assertThrows(IllegalStateException.class, () -> SafeTensors.write(p, entries, Map.of("v", "2")));

        assertArrayEquals(before, Files.readAllBytes(p));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList(), "temporary file removed");
        }
    }

    @Test
    void canRewriteAFileInPlaceFromItsOwnMapping() throws IOException {
        // The new file is renamed over the old one, so the open mapping keeps the old bytes alive.
        Path p = dir.resolve("inplace.safetensors");
        SafeTensors.write(p, sampleEntries(), Map.of("v", "1"));
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            List<WriteEntry> copy = new ArrayList<>();
            for (TensorInfo t : f.tensors()) copy.add(new WriteEntry(t.name(), t.dtype(), t.shape(), f.data(t.name())));
            SafeTensors.write(p, copy, Map.of("v", "2"));
            assertArrayEquals(new float[] {1, -2, 3.5f, 0, 1e-3f, 7}, f.readF32("layer.weight"));
        }
        try (SafeTensorsFile g = SafeTensors.open(p)) {
            assertEquals(Map.of("v", "2"), g.metadata());
            assertArrayEquals(new float[] {1, -2, 3.5f, 0, 1e-3f, 7}, g.readF32("layer.weight"));
        }
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path p = dir.resolve("r.safetensors");
        SafeTensors.write(p, sampleEntries(), null);
        SafeTensors.write(p, List.of(WriteEntry.ofFloats("only", DType.F32, shape(1), new float[] {9})), null);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertEquals(List.of("only"), f.names());
        }
    }

    @Test
    @Timeout(30)
    void manyTensorsAreHandledInLinearTime() throws IOException {
        // A large header (about 4 MB): guards against quadratic parsing, sorting or lookups.
        int n = 50_000;
        List<WriteEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(WriteEntry.ofFloats("model.layers." + i + ".weight", DType.F32, shape(1), new float[] {i}));
        }
        Path p = dir.resolve("many.safetensors");
        SafeTensors.write(p, entries, null);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertEquals(n, f.tensors().size());
            for (int i = 0; i < n; i += 997) {
                assertArrayEquals(new float[] {i}, f.readF32("model.layers." + i + ".weight"));
            }
        }
    }

    @Test
    void lengthPrefixIsLittleEndian() throws IOException {
        Path p = dir.resolve("le.safetensors");
        SafeTensors.write(p, sampleEntries(), null);
        byte[] bytes = Files.readAllBytes(p);
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            assertArrayEquals(u64(f.header().headerLength()), java.util.Arrays.copyOf(bytes, 8));
        }
    }
}
