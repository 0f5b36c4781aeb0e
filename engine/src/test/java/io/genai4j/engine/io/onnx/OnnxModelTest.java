package io.genai4j.engine.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protobuf decoder on hand-encoded models: every field kind, then malformed input of every sort. */
class OnnxModelTest {

    /** y = MatMul(x, W) + b, with W as raw_data, b as float_data, a shape constant as int64_data. */
    static byte[] model() {
        ProtoWriter w = new ProtoWriter().packedVarints(1, 2, 3).varint(2, 1).string(8, "W")
                .bytes(9, ProtoWriter.floatsLE(1, 2, 3, 4, 5, 6));
        ProtoWriter b = new ProtoWriter().varint(1, 3).varint(2, 1).string(8, "b").packedFloats(4, 0.5f, -1f, 2f);
        ProtoWriter shape = new ProtoWriter().varint(1, 2).varint(2, 7).string(8, "shape").packedVarints(7, -1, 3);
        ProtoWriter attr = new ProtoWriter().string(1, "alpha").fixed32(2, Float.floatToIntBits(0.25f)).varint(20, 1);
        ProtoWriter mm = new ProtoWriter().string(1, "x").string(1, "W").string(2, "xw").string(3, "mm0").string(4, "MatMul").message(5, attr);
        ProtoWriter add = new ProtoWriter().string(1, "xw").string(1, "b").string(2, "y").string(4, "Add");
        ProtoWriter dim = new ProtoWriter().string(2, "batch");
        ProtoWriter dim2 = new ProtoWriter().varint(1, 2);
        ProtoWriter tensorType = new ProtoWriter().varint(1, 1).message(2, new ProtoWriter().message(1, dim).message(1, dim2));
        ProtoWriter input = new ProtoWriter().string(1, "x").message(2, new ProtoWriter().message(1, tensorType));
        ProtoWriter graph = new ProtoWriter().message(1, mm).message(1, add).string(2, "g").message(5, w).message(5, b).message(5, shape)
                .message(11, input).varint(99, 12345);   // an unknown field, to be skipped
        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, 11);
        return new ProtoWriter().varint(1, 6).string(2, "test").message(7, graph).message(8, opset).toByteArray();
    }

    @Test
    void decodesGraphInitializersNodesAndInputs() {
        OnnxModel m = OnnxModel.parse(model());
        assertEquals(6, m.irVersion());
        assertEquals("test", m.producer());
        assertEquals(11L, m.opsets().get(""));
        OnnxGraph g = m.graph();
        assertEquals(List.of("W", "b", "shape"), List.copyOf(g.initializers().keySet()));
        Tensor w = g.initializer("W").toTensor();
        assertArrayEquals(new int[] {2, 3}, w.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.toArray());
        assertArrayEquals(new float[] {0.5f, -1f, 2f}, g.initializer("b").floats());
        assertArrayEquals(new long[] {-1, 3}, g.initializer("shape").longs());
        assertEquals(11, g.parameterCount());
        OnnxNode mm = g.nodes("MatMul").get(0);
        assertEquals(List.of("x", "W"), mm.inputs());
        assertEquals(List.of("xw"), mm.outputs());
        assertEquals(0.25f, mm.attribute("alpha").f());
        assertEquals("Add", g.nodes().get(1).opType());
        OnnxValueInfo in = g.inputs().get(0);
        assertEquals("x", in.name());
        assertArrayEquals(new long[] {-1, 2}, in.dims());
        assertEquals("batch", in.dimNames().get(0));
    }

    @Test
    void mapsAFileAndUnmapsOnClose(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.onnx");
        Files.write(f, model());
        OnnxTensor w;
        try (OnnxModel m = OnnxModel.open(f)) {
            w = m.graph().initializer("W");
            assertEquals(6f, w.floats()[5]);
        }
        assertThrows(IllegalStateException.class, w::floats, "a slice of a closed mapping must not be readable");
    }

    @Test
    void dataThatDoesNotMatchTheDimsIsRefused() {
        ProtoWriter t = new ProtoWriter().packedVarints(1, 1000, 1000).varint(2, 1).string(8, "big").bytes(9, new byte[8]);
        byte[] bytes = new ProtoWriter().message(7, new ProtoWriter().message(5, t)).toByteArray();
        var e = assertThrows(OnnxException.class, () -> OnnxModel.parse(bytes));
        assertEquals("tensor 'big' [1000, 1000] of F32 needs 4000000 bytes of raw_data, has 8", e.getMessage());
    }

    @Test
    void hugeLengthsAndBadVarintsAreErrorsNotAllocations() {
        ProtoWriter p = new ProtoWriter();
        p.rawVarint((7 << 3) | 2);
        p.rawVarint(Long.MAX_VALUE);   // a graph claiming 2^63 bytes
        var e = assertThrows(OnnxException.class, () -> OnnxModel.parse(p.toByteArray()));
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
        byte[] eleven = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1};
        assertTrue(assertThrows(OnnxException.class, () -> OnnxModel.parse(eleven)).getMessage().contains("varint longer than 10 bytes"));
        assertTrue(assertThrows(OnnxException.class, () -> OnnxModel.parse(new byte[] {0x3b})).getMessage().contains("unsupported wire type 3"));
        assertTrue(assertThrows(OnnxException.class, () -> OnnxModel.parse(new byte[0])).getMessage().contains("no graph"));
    }
}
