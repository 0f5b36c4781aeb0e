package io.genai4j.engine.io.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.quant.BlockCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufTest {
    @TempDir
    Path dir;

    private Path sample() throws IOException {
        GgufWriter w = new GgufWriter();
        w.putString("general.architecture", "llama");
        w.putU32("llama.block_count", 2);
        w.putI32("neg", -5);
        w.putF32("eps", 1e-5f);
        w.putBool("flag", true);
        w.put("u8", GgufValueType.UINT8, 200L);
        w.put("i16", GgufValueType.INT16, -300L);
        w.put("u64", GgufValueType.UINT64, -1L);
        w.put("f64", GgufValueType.FLOAT64, 2.5);
        w.putStrings("tokens", new String[] {"a", "é", "<0x0A>", ""});
        w.putFloats("scores", new float[] {0f, -1.5f, 2f, 3f});
        w.putI32s("types", new int[] {1, 3, 6, 1});
        w.put("nested", GgufValueType.ARRAY, new GgufArray(GgufValueType.ARRAY,
                new GgufArray[] {new GgufArray(GgufValueType.UINT16, new long[] {1, 2})}));
        float[] emb = new float[6 * 32];
        for (int i = 0; i < emb.length; i++) emb[i] = (i % 17) * 0.25f - 2;
        w.addTensor("token_embd.weight", DType.F32, new long[] {6, 32}, BlockCodec.encodeRows(DType.F32, emb, 6, 32));
        w.addTensor("blk.0.attn_q.weight", DType.Q8_0, new long[] {6, 32}, BlockCodec.encodeRows(DType.Q8_0, emb, 6, 32));
        w.addTensor("norm", DType.F16, new long[] {3}, BlockCodec.encodeRows(DType.F16, new float[] {1, 2, 3}, 1, 3));
        Path p = dir.resolve("m.gguf");
        w.write(p);
        return p;
    }

    @Test
    void roundTripsEveryValueTypeAndTensor() throws IOException {
        try (GgufFile f = GgufFile.open(sample())) {
            GgufMetadata m = f.metadata();
            assertEquals(3, f.version());
            assertEquals("llama", m.string("general.architecture"));
            assertEquals(2, m.int32("llama.block_count"));
            assertEquals(-5, m.int32("neg"));
            assertEquals(1e-5f, m.float32("eps"));
            assertTrue(m.bool("flag", false));
            assertEquals(200L, m.integer("u8"));
            assertEquals(-300L, m.integer("i16"));
            assertEquals(-1L, m.integer("u64"));
            assertEquals(2.5f, m.float32("f64"));
            assertArrayEquals(new String[] {"a", "é", "<0x0A>", ""}, m.strings("tokens"));
            assertArrayEquals(new float[] {0f, -1.5f, 2f, 3f}, m.floats("scores"));
            assertArrayEquals(new int[] {1, 3, 6, 1}, m.ints("types"));
            GgufArray nested = (GgufArray) ((GgufArray[]) m.array("nested").values())[0];
            assertArrayEquals(new long[] {1, 2}, (long[]) nested.values());
            assertEquals(Arrays.asList("token_embd.weight", "blk.0.attn_q.weight", "norm"), f.tensors().stream().map(GgufTensorInfo::name).toList());
            GgufTensorInfo info = f.info("token_embd.weight");
            assertArrayEquals(new long[] {32, 6}, info.ne());
            for (GgufTensorInfo t : f.tensors()) assertEquals(0, t.offset() % 32, "aligned " + t.name());
            Tensor emb = f.tensor("token_embd.weight");
            assertArrayEquals(new int[] {6, 32}, emb.shape());
            assertEquals(-2f, emb.to(DType.F32).get(0, 0));
            assertEquals(DType.Q8_0, f.tensor("blk.0.attn_q.weight").dtype());
            assertArrayEquals(new float[] {1, 2, 3}, f.tensor("norm").to(DType.F32).toArray());
            GgufException e = assertThrows(GgufException.class, () -> m.string("missing.key"));
            assertTrue(e.getMessage().contains("'missing.key'"), e.getMessage());
            assertThrows(GgufException.class, () -> m.string("llama.block_count"));
        }
    }

    /** A minimal header with one metadata string and, optionally, one tensor info. */
    private static ByteBuffer header(int magic, int version, long nTensors, long nKv) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(magic).putInt(version).putLong(nTensors).putLong(nKv);
        return b;
    }

    private static void str(ByteBuffer b, String s) {
        byte[] x = s.getBytes(StandardCharsets.UTF_8);
        b.putLong(x.length).put(x);
    }

    private GgufException broken(ByteBuffer b, int size) throws IOException {
        Path p = dir.resolve("bad.gguf");
        Files.write(p, Arrays.copyOf(b.array(), size < 0 ? b.position() : size));
        return assertThrows(GgufException.class, () -> GgufFile.open(p).close());
    }

    private static void assertSays(GgufException e, String... parts) {
        for (String s : parts) assertTrue(e.getMessage().contains(s), "'" + e.getMessage() + "' should mention " + s);
    }

    @Test
    void badMagicVersionAndCountsAreClearErrors() throws IOException {
        assertSays(broken(header(0x12345678, 3, 0, 0), -1), "bad magic");
        assertSays(broken(header(GgufReader.MAGIC, 7, 0, 0), -1), "version 7");
        assertSays(broken(header(GgufReader.MAGIC, 1, 0, 0), -1), "version 1");
        assertSays(broken(header(GgufReader.MAGIC, 3, 0, Long.MAX_VALUE), -1), "metadata count");
        assertSays(broken(header(GgufReader.MAGIC, 3, -1L, 0), -1), "tensor count");
        assertSays(broken(header(GgufReader.MAGIC, 3, 0, 0), 10), "too short");
    }

    @Test
    void absurdStringsArraysAndTypesAreClearErrors() throws IOException {
        ByteBuffer b = header(GgufReader.MAGIC, 3, 0, 1);
        b.putLong(1L << 40);   // key length
        assertSays(broken(b, 64), "metadata key #0", "length");

        b = header(GgufReader.MAGIC, 3, 0, 1);
        str(b, "k");
        b.putInt(99);
        assertSays(broken(b, -1), "'k'", "unknown value type 99");

        b = header(GgufReader.MAGIC, 3, 0, 1);
        str(b, "tokens");
        b.putInt(9).putInt(8).putLong(1L << 50);   // array of 2^50 strings
        assertSays(broken(b, -1), "'tokens'", "array length");

        b = header(GgufReader.MAGIC, 3, 0, 1);
        str(b, "flag");
        b.putInt(7).put((byte) 5);
        assertSays(broken(b, -1), "'flag'", "BOOL");

        b = header(GgufReader.MAGIC, 3, 0, 1);
        str(b, "s");
        b.putInt(8).putLong(100).put(new byte[10]);
        assertSays(broken(b, -1), "'s'", "length 100");
    }

    private static ByteBuffer oneTensor(int nDims, long[] ne, int type, long offset) {
        ByteBuffer b = header(GgufReader.MAGIC, 3, 1, 0);
        str(b, "w");
        b.putInt(nDims);
        for (long d : ne) b.putLong(d);
        b.putInt(type).putLong(offset);
        return b;
    }

    @Test
    void badTensorInfosAreClearErrors() throws IOException {
        assertSays(broken(oneTensor(5, new long[] {1, 1, 1, 1, 1}, 0, 0), -1), "tensor 'w'", "5 dimensions");
        assertSays(broken(oneTensor(2, new long[] {-4, 2}, 0, 0), -1), "tensor 'w'", "dimension 0");
        assertSays(broken(oneTensor(2, new long[] {1L << 40, 1L << 40}, 0, 0), -1), "tensor 'w'", "overflows");
        assertSays(broken(oneTensor(1, new long[] {32}, 77, 0), -1), "tensor 'w'", "unknown tensor type 77");
        assertSays(broken(oneTensor(1, new long[] {30}, 8, 0), -1), "tensor 'w'", "Q8_0 blocks");
        assertSays(broken(oneTensor(1, new long[] {4}, 0, 3), -1), "tensor 'w'", "alignment");
        ByteBuffer b = oneTensor(1, new long[] {1000}, 0, 0);
        assertSays(broken(b, -1), "tensor 'w'", "outside");
        b = oneTensor(1, new long[] {4}, 0, 1L << 62);
        assertSays(broken(b, -1), "tensor 'w'", "outside");
    }

    @Test
    void truncatingAValidFileAnywhereFailsCleanly() throws IOException {
        byte[] all = Files.readAllBytes(sample());
        Path p = dir.resolve("cut.gguf");
        // The last 26 bytes are padding after the final 6-byte tensor: cutting them loses nothing.
        for (int cut = 0; cut < all.length - 26; cut += Math.max(1, all.length / 97)) {
            Files.write(p, Arrays.copyOf(all, cut));
            Exception e = assertThrows(Exception.class, () -> GgufFile.open(p).close(), "cut at " + cut);
            assertInstanceOf(GgufException.class, e, "cut at " + cut + ": " + e);
        }
    }

    @Test
    void unsupportedTypesOpenButRefuseToCompute() throws IOException {
        ByteBuffer b = oneTensor(1, new long[] {256}, 11, 0);   // Q3_K: 110 bytes
        Path p = dir.resolve("q3.gguf");
        byte[] head = Arrays.copyOf(b.array(), b.position());
        byte[] file = Arrays.copyOf(head, (int) GgufReader.align(head.length, 32) + 110);
        Files.write(p, file);
        try (GgufFile f = GgufFile.open(p)) {
            assertEquals(GgmlType.Q3_K, f.info("w").type());
            assertSays(assertThrows(GgufException.class, () -> f.tensor("w")), "'w'", "Q3_K");
        }
    }
}
