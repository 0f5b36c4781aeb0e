package io.genai4j.models.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;
import io.genai4j.engine.kernels.Parallel;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime (the inference path, {@link DecoderRuntime} running the model's plan) against the
 * model's modules (the reference path) on the same weights: F32 and quantized GGUF files, prompt batches and cached single steps, F16 KV cache, and
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

    /** Logits of the prompt as one batch (all positions), then of three more tokens one at a time with a cache. */
    private static float[] run(LoadedModel m, int[] ids, boolean fast, DType kv) {
        Step step = stepper(m, fast, 2, kv);
        float[] all = step.run(ids, true);
        for (int s = 0; s < 3; s++) {
            float[] b = step.run(new int[] {ids[s]}, false);
            float[] joined = Arrays.copyOf(all, all.length + b.length);
            System.arraycopy(b, 0, joined, all.length, b.length);
            all = joined;
        }
        return all;
    }

    /** Tokens in, logits out, with a cache: a runtime session (fast) or the modules. */
    private interface Step {
        float[] run(int[] tokens, boolean allPositions);
    }

    private static Step stepper(LoadedModel m, boolean fast, int capacity, DType kv) {
        if (fast) {
            Session session = m.model().newSession(capacity, kv);
            return session::forward;
        }
        KvCache cache = m.model().newCache(capacity, kv);
        return (tokens, all) -> m.model().forward(tokens, cache, all).toArray();
    }

    private static float relDiff(float[] a, float[] b) {
        float m = 0, s = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
            s = Math.max(s, Math.abs(a[i]));
        }
        return m / s;
    }

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"LLAMA", "QWEN2", "QWEN3"})
    void runtimeEqualsTheModulesOnF32Weights(Arch arch) throws Exception {
        try (LoadedModel m = ModelLoader.load(gguf(arch, DType.F32, 5))) {
            int[] ids = m.tokenizer().encode(PROMPT, true, true);
            assertTrue(ids.length >= DecoderRuntime.ATTENTION_GEMM_FROM, "the prompt takes the GEMM attention path");
            float d = relDiff(run(m, ids, false, DType.F32), run(m, ids, true, DType.F32));
            System.out.printf("%s F32: runtime vs modules, max |diff| / max |logit| = %.2e%n", arch, d);
            assertTrue(d < 1e-5f, arch + ": " + d);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F16", "BF16", "Q8_0", "Q4_0"})
    void quantizedInferenceEqualsDequantizeThenF32(DType type) throws Exception {
        assertInferenceEqualsDequantizeThenF32(gguf(Arch.LLAMA, type, 9), type.toString());
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
            float d = relDiff(run(m, ids, false, DType.F32), run(m, ids, true, DType.F32));
            System.out.printf("%s: inference path vs dequantize-then-F32, max |diff| / max |logit| = %.2e%n", label, d);
            assertTrue(d < 1e-5f, label + ": " + d);
            assertArrayEquals(greedy(m, ids, false), greedy(m, ids, true), label + ": greedy tokens");
        }
    }

    private static int[] greedy(LoadedModel m, int[] prompt, boolean fast) {
        Step step = stepper(m, fast, prompt.length + 12, DType.F32);
        float[] logits = step.run(prompt, false);
        int[] out = new int[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = argmax(logits);
            logits = step.run(new int[] {out[i]}, false);
        }
        return out;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    @Test
    void everyThreadCountGivesTheSameLogitsAndTokens() throws Exception {
        int before = Parallel.threads();
        try (LoadedModel m = ModelLoader.load(gguf(Arch.QWEN2, DType.Q4_0, 4))) {
            int[] ids = m.tokenizer().encode(PROMPT, true, true);
            run(m, ids, true, DType.F32);   // warm-up: vector exp differs in the last bit between interpreted and compiled code
            float[] first = null;
            int[] firstTokens = null;
            for (int threads = 1; threads <= 4; threads++) {
                Parallel.setThreads(threads);
                float[] l = run(m, ids, true, DType.F32);
                int[] tokens = greedy(m, ids, true);
                if (first == null) {
                    first = l;
                    firstTokens = tokens;
                } else {
                    assertTrue(relDiff(first, l) < 1e-6f, "logits with " + threads + " threads: " + relDiff(first, l));
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
            float[] f32 = run(m, ids, true, DType.F32), f16 = run(m, ids, true, DType.F16), modules = run(m, ids, false, DType.F16);
            float d = relDiff(f32, f16);
            System.out.printf("F16 KV cache vs F32: max |diff| / max |logit| = %.2e%n", d);
            assertTrue(d < 1e-2f && d > 0, "F16 cache: " + d);
            // Both paths round K and V to F16; a last-bit difference before rounding can flip a half's last bit.
            float paths = relDiff(modules, f16);
            System.out.printf("F16 KV cache, inference path vs modules: %.2e%n", paths);
            assertTrue(paths < d / 4, "both paths read the F16 cache alike: " + paths);
        }
    }
}
