package io.genai4j.models.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.kernels.Parallel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime (the inference path, {@link DecoderRuntime} running the model's plan) against the
 * model's modules (the reference path) on the same weights (llama, qwen2, qwen3, gpt2; nanoGPT's GPT
 * in models.gpt.GptRuntimeVsModulesTest): F32 and quantized GGUF files, prompt batches and cached single steps, F16 KV cache, and
 * every thread count giving the same tokens (each output is one thread's work in a fixed order;
 * logits may still differ in the last bit while the JIT replaces interpreted vector code: exp, lane sums).
 */
class RuntimeVsModulesTest {
    @TempDir
    Path tmp;

    static final String PROMPT = GgufParityTest.PROMPT;

    private Path gguf(Arch arch, DType type, long seed) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf-" + arch + seed), arch, seed);
        Path f = tmp.resolve(arch + "-" + type + ".gguf");
        HfToGguf.convert(hf, f, type);
        return f;
    }

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"LLAMA", "QWEN2", "QWEN3", "GPT2"})
    void runtimeEqualsTheModulesOnF32Weights(Arch arch) throws Exception {
        try (LoadedModel m = ModelLoader.load(gguf(arch, DType.F32, 5))) {
            int[] ids = m.tokenizer().encode(PROMPT, true, true);
            assertTrue(ids.length >= DecoderRuntime.ATTENTION_GEMM_FROM, "the prompt takes the GEMM attention path");
            float d = PathsCompared.relDiff(PathsCompared.run(m.model(), ids, false, DType.F32), PathsCompared.run(m.model(), ids, true, DType.F32));
            System.out.printf("%s F32: runtime vs modules, max |diff| / max |logit| = %.2e%n", arch, d);
            assertTrue(d < 1e-5f, arch + ": " + d);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F16", "BF16", "Q8_0", "Q4_0"})
    void quantizedInferenceEqualsDequantizeThenF32(DType type) throws Exception {
        assertInferenceEqualsDequantizeThenF32(gguf(Arch.LLAMA, type, 9), type.toString());
    }

    @Test
    void gpt2QuantizedInferenceEqualsDequantizeThenF32() throws Exception {
        assertInferenceEqualsDequantizeThenF32(gguf(Arch.GPT2, DType.Q8_0, 7), "gpt2 Q8_0");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"Q4_K", "Q6_K"})
    void kQuantInferenceEqualsDequantizeThenF32(DType type) throws Exception {
        // There is no K-quant encoder: random blocks with in-range scales, as `genai gguf random`
        // writes them, with the output matrix in Q6_K.
        Path f = tmp.resolve("tiny-" + type + ".gguf");
        RandomModel.write(f, ModelPreset.TINY, type, null, 11, null, null);
        assertInferenceEqualsDequantizeThenF32(f, type + " (output Q6_K)");
    }

    /** The module path decodes every weight panel to F32 and multiplies in F32: the reference. */
    private void assertInferenceEqualsDequantizeThenF32(Path file, String label) throws Exception {
        try (LoadedModel m = ModelLoader.load(file)) {
            int[] ids = m.tokenizer().encode(PROMPT, true, true);
            float d = PathsCompared.relDiff(PathsCompared.run(m.model(), ids, false, DType.F32), PathsCompared.run(m.model(), ids, true, DType.F32));
            System.out.printf("%s: inference path vs dequantize-then-F32, max |diff| / max |logit| = %.2e%n", label, d);
            assertTrue(d < 1e-5f, label + ": " + d);
            assertArrayEquals(PathsCompared.greedy(m.model(), ids, false), PathsCompared.greedy(m.model(), ids, true), label + ": greedy tokens");
        }
    }

    @Test
    void everyThreadCountGivesTheSameLogitsAndTokens() throws Exception {
        int before = Parallel.threads();
        try (LoadedModel m = ModelLoader.load(gguf(Arch.QWEN2, DType.Q4_0, 4))) {
            int[] ids = m.tokenizer().encode(PROMPT, true, true);
            PathsCompared.run(m.model(), ids, true, DType.F32);   // warm-up: vector exp differs in the last bit between interpreted and compiled code
            float[] first = null;
            int[] firstTokens = null;
            for (int threads = 1; threads <= 4; threads++) {
                Parallel.setThreads(threads);
                float[] l = PathsCompared.run(m.model(), ids, true, DType.F32);
                int[] tokens = PathsCompared.greedy(m.model(), ids, true);
                if (first == null) {
                    first = l;
                    firstTokens = tokens;
                } else {
                    assertTrue(PathsCompared.relDiff(first, l) < 1e-6f, "logits with " + threads + " threads: " + PathsCompared.relDiff(first, l));
                    assertArrayEquals(firstTokens, tokens, "tokens with " + threads + " threads");
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void halfPrecisionCacheStaysClose() throws Exception {
        try (LoadedModel m = ModelLoader.load(gguf(Arch.LLAMA, DType.F32, 12))) {
            int[] ids = m.tokenizer().encode(PROMPT, true, true);
            float[] f32 = PathsCompared.run(m.model(), ids, true, DType.F32), f16 = PathsCompared.run(m.model(), ids, true, DType.F16), modules = PathsCompared.run(m.model(), ids, false, DType.F16);
            float d = PathsCompared.relDiff(f32, f16);
            System.out.printf("F16 KV cache vs F32: max |diff| / max |logit| = %.2e%n", d);
            assertTrue(d < 1e-2f && d > 0, "F16 cache: " + d);
            // Both paths round K and V to F16; a last-bit difference before rounding can flip a half's last bit.
            float paths = PathsCompared.relDiff(modules, f16);
            System.out.printf("F16 KV cache, inference path vs modules: %.2e%n", paths);
            assertTrue(paths < d / 4, "both paths read the F16 cache alike: " + paths);
        }
    }
}
