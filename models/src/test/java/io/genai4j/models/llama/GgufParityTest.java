package io.genai4j.models.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.infer.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same random tiny model through two independent paths: Hugging Face safetensors (rotate_half
 * RoPE on unpermuted weights, config.json, tokenizer.json) and the GGUF file the project's writer
 * makes from it (llama.cpp names and metadata, llama's permuted Q/K rows with RoPE NORM). Logits
 * must agree to float rounding; tokenizers exactly. Both models run on the inference path (a session).
 */
class GgufParityTest {
    @TempDir
    Path tmp;

    static final String PROMPT = "Hello world! The quick brown fox: 1234 café <|im_start|>user";

    static float maxDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** Logits of every position of ids on the inference path. */
    static float[] inferAll(LoadedModel m, int[] ids) {
        return m.model().newSession(ids.length, DType.F32).forward(ids, true);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void ggufAndSafetensorsGiveTheSameLogits(Arch arch) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), arch, 42);
        Path gguf = tmp.resolve("m.gguf");
        HfToGguf.convert(hf, gguf, DType.F32);
        try (LoadedModel a = ModelLoader.load(hf); LoadedModel b = ModelLoader.load(gguf); Grad g = Grad.off()) {
            assertEquals(arch == Arch.LLAMA ? RopeStyle.NEOX : a.config().ropeStyle(), a.config().ropeStyle());
            if (arch == Arch.LLAMA) assertEquals(RopeStyle.NORM, b.config().ropeStyle());
            int[] ids = a.tokenizer().encode(PROMPT, true, true);
            assertArrayEquals(ids, b.tokenizer().encode(PROMPT, true, true), "tokenizer.json and GGUF vocabularies tokenize alike");
            assertTrue(ids.length > 10);
            float[] la = inferAll(a, ids);
            float[] lb = inferAll(b, ids);
            float diff = maxDiff(la, lb);
            System.out.printf("%s: GGUF vs safetensors, %d positions x %d logits: max |diff| %.2e%n", arch, ids.length, a.config().vocabSize(), diff);
            assertTrue(diff < 1e-4f, arch + " logits differ by " + diff);
            if (arch == Arch.LLAMA) {
                // The permutation matters: the GGUF weights run with the HF RoPE style give other logits.
                assertTrue(a.config().ropeFreqFactors() != null, "Llama 3.1 frequency factors in use");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"LLAMA", "QWEN3"})
    void quantizedGgufStaysCloseAndRunsOnQuantizedWeights(Arch arch) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), arch, 7);
        Path f32 = tmp.resolve("f32.gguf"), q8 = tmp.resolve("q8.gguf");
        HfToGguf.convert(hf, f32, DType.F32);
        HfToGguf.convert(hf, q8, DType.Q8_0);
        try (LoadedModel a = ModelLoader.load(f32); LoadedModel b = ModelLoader.load(q8); Grad g = Grad.off()) {
            assertEquals(DType.Q8_0, ((io.genai4j.engine.nn.Module) b.model()).stateDict().get("model.layers.0.self_attn.q_proj.weight").dtype());
            int[] ids = a.tokenizer().encode(PROMPT, true, false);
            float[] la = inferAll(a, ids);
            float[] lb = inferAll(b, ids);
            float scale = 0;
            for (float v : la) scale = Math.max(scale, Math.abs(v));
            float diff = maxDiff(la, lb);
            System.out.printf("%s: Q8_0 vs F32 GGUF: max |diff| %.3f of max |logit| %.2f%n", arch, diff, scale);
            assertTrue(diff < 0.05f * scale, "Q8_0 logits too far: " + diff);
            assertTrue(diff > 0, "quantization must change something");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"QWEN2", "GPT2"})
    void cacheGivesTheSameLogitsAsRecomputationAndRefusesToOverflow(Arch arch) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), arch, 3);
        try (LoadedModel m = ModelLoader.load(hf); Grad g = Grad.off()) {
            int[] ids = m.tokenizer().encode(PROMPT, false, false);
            float[] full = m.model().forward(ids, null, true).toArray();
            Session session = m.model().newSession(4, DType.F32);   // its cache grows while feeding
            int split = ids.length / 2;
            session.forward(java.util.Arrays.copyOf(ids, split), true);
            float[] rest = new float[0];
            for (int i = split; i < ids.length; i++) {
                float[] step = session.forward(new int[] {ids[i]}, false);
                float[] old = rest;
                rest = java.util.Arrays.copyOf(old, old.length + step.length);
                System.arraycopy(step, 0, rest, old.length, step.length);
            }
            int v = m.config().vocabSize();
            float[] expected = java.util.Arrays.copyOfRange(full, split * v, ids.length * v);
            assertTrue(maxDiff(expected, rest) < 1e-4f, "cached decoding differs by " + maxDiff(expected, rest));
            int ctx = m.config().contextLength();
            Session s2 = m.model().newSession(8, DType.F32);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s2.forward(new int[ctx + 1], false));
            assertTrue(e.getMessage().contains("context length " + ctx), e.getMessage());
            IllegalArgumentException modules = assertThrows(IllegalArgumentException.class, () -> m.model().forward(new int[ctx + 1], m.model().newCache(8), false));
            assertTrue(modules.getMessage().contains("context length " + ctx), modules.getMessage());
        }
    }
}
