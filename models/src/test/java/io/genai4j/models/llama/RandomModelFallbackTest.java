package io.genai4j.models.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random models whose rows are not whole blocks of the asked type (Qwen2.5-0.5B's 896-wide rows and
 * 256-element K-quant super-blocks) take llama-quantize's fallback type for those matrices, and run.
 */
class RandomModelFallbackTest {
    @TempDir
    Path tmp;

    /** Qwen2-shaped, rows of 96 (whole 32-blocks, not 256-blocks) except the FFN down projection's 256. */
    private static final ModelPreset NARROW =
            new ModelPreset("narrow", Arch.QWEN2, 512, 96, 1, 2, 1, 256, 256, 10000f, 1e-6f, true, true, false);

    @Test
    void fallbackTypesFollowLlamaQuantize() {
        assertEquals(DType.Q4_K, RandomModel.fitting(DType.Q4_K, 4864));
        assertEquals(DType.Q5_0, RandomModel.fitting(DType.Q4_K, 896));
        assertEquals(DType.Q8_0, RandomModel.fitting(DType.Q6_K, 896));
        assertEquals(DType.Q4_0, RandomModel.fitting(DType.Q4_0, 896));
        assertEquals(DType.F16, RandomModel.fitting(DType.Q4_0, 100));
    }

    @Test
    void q4KAndQ4_0ModelsWithNarrowRowsAreWrittenAndRun() throws Exception {
        for (DType type : new DType[] {DType.Q4_0, DType.Q4_K}) {
            Path f = tmp.resolve("narrow-" + type + ".gguf");
            RandomModel.write(f, NARROW, type, null, 3, null, null);
            try (GgufFile g = GgufFile.open(f)) {
                assertEquals(DType.Q8_0, g.info("token_embd.weight").type().dtype(), type + ": the Q6_K head falls back to Q8_0");
                assertEquals(type == DType.Q4_K ? DType.Q5_0 : DType.Q4_0, g.info("blk.0.attn_q.weight").type().dtype(), type.toString());
                assertEquals(type, g.info("blk.0.ffn_down.weight").type().dtype(), type + ": rows of 256 keep the asked type");
            }
            try (LoadedModel m = ModelLoader.load(f)) {
                int[] ids = {1, 5, 9, 2};
                float d = PathsCompared.relDiff(PathsCompared.run(m.model(), ids, false, DType.F32), PathsCompared.run(m.model(), ids, true, DType.F32));
                assertTrue(d < 1e-5f, type + ": runtime vs modules " + d);
            }
        }
    }
}
