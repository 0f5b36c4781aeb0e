package io.genai4j.models.bert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.onnx.OnnxModel;
import io.genai4j.engine.io.onnx.ProtoWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** ONNX "BERT exports" whose initializer names or shapes lie about the model they hold. */
class OnnxBertHostileTest {
    private static final int HIDDEN = 64, HEADS = 4;

    private static ProtoWriter floats(String name, long... dims) {
        long n = 1;
        for (long d : dims) n *= d;
        return new ProtoWriter().packedVarints(1, dims).varint(2, 1).string(8, name).bytes(9, ProtoWriter.floatsLE(new float[(int) n]));
    }

    private static ProtoWriter constant(String out, long value) {
        byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        ProtoWriter t = new ProtoWriter().varint(2, 7).string(8, out + "_value").bytes(9, le);
        return new ProtoWriter().string(2, out).string(4, "Constant").message(5, new ProtoWriter().string(1, "value").message(5, t));
    }

    /** Embeddings, one intermediate bias, the head-splitting Concat, and one LayerNorm named after {@code layerName}. */
    private static OnnxModel export(String layerName) {
        ProtoWriter concat = new ProtoWriter().string(1, "batch").string(1, "seq").string(1, "h").string(1, "d").string(2, "shape").string(4, "Concat");
        ProtoWriter g = new ProtoWriter().message(1, constant("h", HEADS)).message(1, constant("d", HIDDEN / HEADS)).message(1, concat)
                .message(5, floats("embeddings.word_embeddings.weight", 2, HIDDEN))
                .message(5, floats("embeddings.position_embeddings.weight", 2, HIDDEN))
                .message(5, floats("embeddings.token_type_embeddings.weight", 1, HIDDEN))
                .message(5, floats("encoder.layer.0.intermediate.dense.bias", 4 * HIDDEN))
                .message(5, floats(layerName, HIDDEN));
        return OnnxModel.parse(new ProtoWriter().varint(1, 7).message(7, g).toByteArray());
    }

    @Test
    void aHighLayerIndexIsRefusedBeforeTheModelIsAllocated() {
        // Before: 100000 layers of width 64 were allocated (20 GB) from a file of a few kilobytes.
        var e = assertThrows(IllegalArgumentException.class, () -> OnnxBert.load(export("encoder.layer.99999.output.LayerNorm.weight").graph(), "x.onnx"));
        assertTrue(e.getMessage().contains("names a layer beyond"), e.getMessage());
    }

    @Test
    void aLayerIndexPastAnIntIsAClearError() {
        // Before: a NumberFormatException from Integer.parseInt.
        var e = assertThrows(IllegalArgumentException.class, () -> OnnxBert.load(export("encoder.layer.99999999999.output.LayerNorm.weight").graph(), "x.onnx"));
        assertTrue(e.getMessage().startsWith("x.onnx: initializer 'encoder.layer.99999999999"), e.getMessage());
    }

    @Test
    void layersWithoutTheirWeightsAreRefusedBeforeTheModelIsAllocated() {
        var e = assertThrows(IllegalArgumentException.class, () -> OnnxBert.load(export("encoder.layer.3.output.LayerNorm.weight").graph(), "x.onnx"));
        assertTrue(e.getMessage().contains("values, but the config (4 layers"), e.getMessage());
    }
}
