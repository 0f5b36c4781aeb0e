package io.genai4j.engine.io.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genai4j.engine.io.SmallHeap;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile ONNX files: every truncation and random corruption of a valid model, and generated
 * initializers with huge, zero or negative dims, unknown data types, huge counts of packed values
 * and payloads that disagree with their dims. Each must parse and decode completely, or be refused
 * with an OnnxException; anything else (an index error, an OutOfMemoryError under the 256 MB heap
 * of the small-heap execution) is a hardening bug. Both outcomes are counted and must occur.
 */
@SmallHeap
class OnnxFuzzTest {

    /** Parses and decodes every initializer and attribute tensor; true if accepted, false if cleanly rejected. */
    private static boolean readAll(byte[] bytes) {
        try {
            OnnxModel m = OnnxModel.parse(bytes);
            for (OnnxTensor t : m.graph().initializers().values()) decode(t);
            for (OnnxNode n : m.graph().nodes()) {
                for (OnnxAttribute a : n.attributes().values()) if (a.t() != null) decode(a.t());
            }
            return true;
        } catch (OnnxException expected) {
            return false;
        }
    }

    private static void decode(OnnxTensor t) {
        if (t.dtype().isFloat()) t.toTensor();
        else t.longs();
    }

    private static void check(byte[] bytes, String how, int[] counts) {
        try {
            counts[readAll(bytes) ? 0 : 1]++;
        } catch (Throwable t) {
            fail(how + " threw " + t + "\nfile: " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 4096)), t);
        }
    }

    @Test
    void truncationsAndRandomCorruptionsAreReadOrRejectedCleanly() {
        byte[] good = OnnxModelTest.model();
        int[] counts = new int[2];
        for (int n = 0; n <= good.length; n++) check(Arrays.copyOf(good, n), "truncation to " + n, counts);
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 5000; trial++) {
            byte[] bad = good.clone();
            StringBuilder how = new StringBuilder("bytes");
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int at = r.nextInt(bad.length);
                bad[at] = (byte) r.nextInt(256);
                how.append(' ').append(at);
            }
            check(bad, how.toString(), counts);
        }
        assertTrue(counts[0] > 100, "accepted " + counts[0]);
        assertTrue(counts[1] > 1000, "rejected " + counts[1]);
    }

    private static final long[] DIMS = {0, 1, 2, 3, 7, -1, 1L << 31, (1L << 32) + 3, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final int[] TYPES = {0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 13, 16, 99, Integer.MAX_VALUE};

    /** One initializer with random dims, type and payload: the payload may or may not match the dims. */
    private static ProtoWriter tensor(SplittableRandom r, String name) {
        ProtoWriter t = new ProtoWriter().string(8, name);
        int rank = r.nextInt(4);
        long[] dims = new long[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = r.nextInt(3) == 0 ? DIMS[r.nextInt(DIMS.length)] : r.nextInt(1, 5);
            n *= dims[i];
        }
        if (r.nextBoolean()) t.packedVarints(1, dims);
        else for (long d : dims) t.varint(1, d);
        t.varint(2, TYPES[r.nextInt(TYPES.length)]);
        // Usually as many values as the dims say (when small), sometimes a few more or fewer.
        int count = n >= 0 && n <= 64 && r.nextInt(4) > 0 ? (int) n : r.nextInt(0, 70);
        switch (r.nextInt(5)) {
            case 0 -> t.bytes(9, new byte[count * (1 << r.nextInt(4))]);
            case 1 -> t.packedFloats(4, new float[count]);
            case 2 -> t.packedVarints(7, new long[count]);
            case 3 -> t.bytes(10, new byte[8 * count + (r.nextInt(8) == 0 ? 3 : 0)]);
            default -> { } // no data at all
        }
        if (r.nextInt(10) == 0) t.varint(14, 1);   // external data
        return t;
    }

    @Test
    void generatedInitializersAreReadOrRejectedCleanly() {
        SplittableRandom r = new SplittableRandom(17);
        int[] counts = new int[2];
        for (int trial = 0; trial < 5000; trial++) {
            ProtoWriter g = new ProtoWriter().string(2, "g");
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) g.message(5, tensor(r, "t" + (r.nextInt(8) == 0 ? 0 : i)));
            if (r.nextBoolean()) {
                ProtoWriter attr = new ProtoWriter().string(1, "value").message(5, tensor(r, "c"));
                if (r.nextBoolean()) attr.packedVarints(8, DIMS);
                g.message(1, new ProtoWriter().string(2, "c").string(4, r.nextInt(10) == 0 ? "" : "Constant").message(5, attr));
            }
            byte[] model = new ProtoWriter().varint(1, 7).message(7, g).toByteArray();
            check(model, "generated model " + trial, counts);
        }
        assertTrue(counts[0] > 100, "accepted " + counts[0]);
        assertTrue(counts[1] > 1000, "rejected " + counts[1]);
    }

    @Test
    void hugeDeclaredLengthsAreRejectedCleanly() {
        // A LEN field whose varint length claims more than the file: at every nesting level.
        int[] counts = new int[2];
        for (long len : DIMS) {
            if (len == 0) continue;   // an empty graph is a valid (useless) model
            ProtoWriter raw = new ProtoWriter();
            raw.rawVarint((9L << 3) | 2);
            raw.rawVarint(len);
            byte[] tensor = raw.toByteArray();
            ProtoWriter g = new ProtoWriter().bytes(5, tensor);
            check(new ProtoWriter().message(7, g).toByteArray(), "raw_data length " + len, counts);
            ProtoWriter top = new ProtoWriter();
            top.rawVarint((7L << 3) | 2);
            top.rawVarint(len);
            check(top.toByteArray(), "graph length " + len, counts);
        }
        assertTrue(counts[0] == 0 && counts[1] == 2 * (DIMS.length - 1), "accepted " + counts[0] + ", rejected " + counts[1]);
    }
}
