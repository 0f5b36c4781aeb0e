package io.genai4j.llm.lora;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decoder runtime with unmerged adapters against the modules with the same adapters, and against the merged model. */
public class LoraRuntimeTest {
    @TempDir
    Path tmp;

    static final LoraConfig ALL = new LoraConfig(4, 8, 0f, false, LoraTargets.parse("all-linear"), "");

    public static LoraAdapter adapted(LoadedModel m) {
        LoraAdapter a = LoraAdapter.wrap((Module) m.model(), ALL, new Rng(2));
        Rng rng = new Rng(3);
        for (LoraLinear l : a.layers().values()) Init.uniform(l.loraB.weight, -0.2, 0.2, rng);
        a.train(false);
        return a;
    }

    static float[] runtime(LoadedModel m, int[] ids) {
        return m.model().newSession(ids.length, DType.F32).forward(ids, true);
    }

    static float[] modules(LoadedModel m, int[] ids) {
        try (Grad g = Grad.off()) {
            return m.model().forward(ids, null, true).toArray();
        }
    }

    public static void assertClose(float[] a, float[] b, double rel, String what) {
        double max = 0, scale = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(a[i]));
        }
        assertTrue(max <= rel * scale, what + ": max |diff| " + max + " of max |logit| " + scale);
    }

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"LLAMA", "QWEN2", "QWEN3", "GPT2"})
    void runtimeWithAdapterMatchesModulesWithAdapterAndTheMergedModel(Arch arch) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), arch, 9);
        try (LoadedModel m = ModelLoader.load(hf)) {
            int[] ids = m.tokenizer().encode("The quick brown fox jumps over the lazy dog. Hello world!", true, false);
            float[] base = runtime(m, ids);
            LoraAdapter a = adapted(m);
            float[] viaModules = modules(m, ids), viaRuntime = runtime(m, ids);
            assertTrue(LoraFormatsTest.maxDiff(base, viaRuntime) > 1e-2, "the runtime takes the side paths");
            assertClose(viaModules, viaRuntime, 1e-5, arch + " runtime vs modules, adapters unmerged");
            Path merged = tmp.resolve("merged.gguf");
            MergedModel.writeGguf(merged, m, a, "merged", DType.F32);
            try (LoadedModel mm = ModelLoader.load(merged)) {
                assertClose(viaRuntime, runtime(mm, ids), 1e-5, arch + " merged model vs unmerged adapters on the runtime");
            }
            Path mergedHf = tmp.resolve("merged-hf");
            MergedModel.writeHf(mergedHf, hf, m, a, DType.F32);
            try (LoadedModel mm = ModelLoader.load(mergedHf)) {
                assertClose(viaRuntime, runtime(mm, ids), 1e-5, arch + " merged safetensors vs unmerged adapters on the runtime");
            }
            a.detach();
            assertClose(base, runtime(m, ids), 1e-5, arch + " detached");
        }
    }

    @Test
    void quantizedBaseServesAnUnmergedAdapter() throws Exception {
        try (LoadedModel m = ModelLoader.load(TinyModels.writeGguf(tmp, Arch.LLAMA, 10, DType.Q8_0))) {
            int[] ids = m.tokenizer().encode("Hello world, the cache keeps keys and values.", true, false);
            adapted(m);
            assertClose(modules(m, ids), runtime(m, ids), 1e-4, "Q8_0 base: runtime vs modules with the adapter");
        }
    }
}
