package io.genai4j.llm.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter files' layouts, and the same adapter on the same model through both layouts: an adapter
 * made on the Hugging Face base (rotate_half Q/K rows) and put on the GGUF base converted from it
 * (llama.cpp's permuted rows) must give the same logits, through PEFT and through the GGUF adapter.
 */
class LoraFormatsTest {
    @TempDir
    Path tmp;

    static final LoraConfig QV = new LoraConfig(4, 16, 0.05f, false, LoraTargets.parse("q_proj,k_proj,v_proj"), "tiny");

    /** An adapter on the model's layers with random A and B, as after training. */
    static LoraAdapter randomAdapter(Module model, LoraConfig c) {
        LoraAdapter a = LoraAdapter.wrap(model, c, new Rng(11));
        Rng rng = new Rng(12);
        for (LoraLinear l : a.layers().values()) Init.uniform(l.loraB.weight, -0.3, 0.3, rng);
        a.train(false);
        return a;
    }

    static float[] logits(LoadedModel m, int[] ids) {
        try (Grad g = Grad.off()) {
            return m.model().forward(ids, null, true).toArray();
        }
    }

    static void assertClose(float[] expected, float[] actual, float tol, String what) {
        assertEquals(expected.length, actual.length);
        float max = 0;
        for (int i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(expected[i] - actual[i]));
        assertTrue(max <= tol, what + ": max |diff| " + max);
    }

    @Test
    void peftLayoutIsWhatPeftWrites() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.LLAMA, 3);
        try (LoadedModel m = ModelLoader.load(hf)) {
            LoraAdapter a = randomAdapter((Module) m.model(), QV);
            LoraWeights w = LoraWeights.of(a, m.config());
            PeftAdapter.write(tmp.resolve("peft"), w);
            try (SafeTensorsFile f = SafeTensors.open(tmp.resolve("peft").resolve("adapter_model.safetensors"))) {
                assertEquals(12, f.names().size());
                assertArrayEquals(new long[] {4, 64}, f.info("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape());
                assertArrayEquals(new long[] {64, 4}, f.info("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight").shape());
                assertArrayEquals(new long[] {m.config().kvDim(), 4}, f.info("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight").shape());
                assertEquals(DType.F32, f.info("base_model.model.model.layers.1.self_attn.v_proj.lora_A.weight").dtype());
            }
            Map<?, ?> cfg = (Map<?, ?>) Json.parse(Files.readString(tmp.resolve("peft").resolve("adapter_config.json")));
            assertEquals("LORA", cfg.get("peft_type"));
            assertEquals("CAUSAL_LM", cfg.get("task_type"));
            assertEquals(4L, cfg.get("r"));
            assertEquals(16L, cfg.get("lora_alpha"));
            assertEquals(0.05, (Double) cfg.get("lora_dropout"), 1e-6);
            assertEquals(List.of("q_proj", "k_proj", "v_proj"), cfg.get("target_modules"));
            assertEquals("none", cfg.get("bias"));
            assertEquals(false, cfg.get("use_rslora"));
            assertEquals("tiny", cfg.get("base_model_name_or_path"));

            LoraWeights back = PeftAdapter.read(tmp.resolve("peft"));
            assertEquals(w.config(), back.config());
            assertEquals(w.modules(), back.modules());
            for (String l : w.modules()) {
                assertArrayEquals(w.a().get(l).toArray(), back.a().get(l).toArray());
                assertArrayEquals(w.b().get(l).toArray(), back.b().get(l).toArray());
            }
        }
    }

    @Test
    void ggufAdapterLayoutIsWhatConvertLoraToGgufWrites() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.QWEN2, 4);
        try (LoadedModel m = ModelLoader.load(hf)) {
            LoraConfig rs = new LoraConfig(4, 8, 0f, true, LoraTargets.parse("o_proj,down_proj"), "");
            LoraWeights w = LoraWeights.of(randomAdapter((Module) m.model(), rs), m.config());
            Path file = tmp.resolve("a.gguf");
            GgufAdapter.write(file, w, "qwen2", RotaryRows.of(m.config()), DType.F16);
            try (GgufFile f = GgufFile.open(file)) {
                assertEquals("adapter", f.metadata().string("general.type"));
                assertEquals("lora", f.metadata().string("adapter.type"));
                assertEquals("qwen2", f.metadata().string("general.architecture"));
                assertEquals(8 * Math.sqrt(4), f.metadata().float32("adapter.lora.alpha"), 1e-5, "rsLoRA's α/√r as llama.cpp's α/r");
                assertArrayEquals(new long[] {64, 4}, f.info("blk.0.attn_output.weight.lora_a").ne(), "ne of A [r, in] is (in, r)");
                assertArrayEquals(new long[] {4, 64}, f.info("blk.1.ffn_down.weight.lora_b").ne(), "ne of B [out, r] is (r, out)");
                assertArrayEquals(new long[] {96, 4}, f.info("blk.1.ffn_down.weight.lora_a").ne());
                assertEquals(8, f.tensors().size());
            }
            LoraWeights back = GgufAdapter.read(file, LinearSite.of((Module) m.model()).stream().map(LinearSite::name).toList(), RotaryRows.of(m.config()));
            assertEquals(w.modules(), back.modules());
            assertEquals(w.config().scaling(), back.config().scaling(), 1e-5);
            for (String l : w.modules()) assertClose(w.b().get(l).toArray(), back.b().get(l).toArray(), 1e-3f, l + " B through F16");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"LLAMA", "QWEN3"})
    void anAdapterMadeOnTheHfBaseGivesTheSameLogitsOnTheGgufBaseThroughBothFormats(Arch arch) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), arch, 5);
        Path gguf = tmp.resolve("m.gguf");
        HfToGguf.convert(hf, gguf, DType.F32);
        try (LoadedModel a = ModelLoader.load(hf); LoadedModel b = ModelLoader.load(gguf)) {
            int[] ids = a.tokenizer().encode("The quick brown fox jumps over the lazy dog.", true, false);
            float[] base = logits(a, ids);
            LoraWeights w = LoraWeights.of(randomAdapter((Module) a.model(), QV), a.config());
            float[] adapted = logits(a, ids);
            assertTrue(maxDiff(base, adapted) > 1e-2, "the adapter changes the logits");

            PeftAdapter.write(tmp.resolve("peft"), w);
            LoraAdapter onGguf = PeftAdapter.read(tmp.resolve("peft")).applyTo((Module) b.model(), b.config(), 1f);
            assertClose(adapted, logits(b, ids), 1e-4f, arch + " PEFT adapter on the GGUF base");
            // and back: the adapter as it lives on the GGUF model exports to the same PEFT weights
            LoraWeights fromGguf = LoraWeights.of(onGguf, b.config());
            for (String l : w.modules()) assertArrayEquals(w.b().get(l).toArray(), fromGguf.b().get(l).toArray(), l);
            onGguf.detach();
            assertClose(base, logits(b, ids), 1e-4f, "detached");

            Path file = tmp.resolve("a.gguf");
            GgufAdapter.write(file, w, arch.ggufName(), RotaryRows.of(a.config()), DType.F32);
            List<String> layers = LinearSite.of((Module) b.model()).stream().map(LinearSite::name).toList();
            GgufAdapter.read(file, layers, RotaryRows.of(b.config())).applyTo((Module) b.model(), b.config(), 1f);
            assertClose(adapted, logits(b, ids), 1e-4f, arch + " GGUF adapter on the GGUF base");
        }
    }

    @Test
    void anAdapterTrainedOnAQuantizedGgufBaseLoadsOnTheFullPrecisionBase() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.LLAMA, 6);
        Path q8 = tmp.resolve("q8.gguf"), f16 = tmp.resolve("f16.gguf");
        HfToGguf.convert(hf, q8, DType.Q8_0);
        HfToGguf.convert(hf, f16, DType.F16);
        try (LoadedModel q = ModelLoader.load(q8); LoadedModel f = ModelLoader.load(f16); LoadedModel h = ModelLoader.load(hf)) {
            LoraWeights w = LoraWeights.of(randomAdapter((Module) q.model(), QV), q.config());
            PeftAdapter.write(tmp.resolve("peft"), w);
            LoraWeights read = PeftAdapter.read(tmp.resolve("peft"));
            read.applyTo((Module) f.model(), f.config(), 1f);
            read.applyTo((Module) h.model(), h.config(), 1f);
            int[] ids = h.tokenizer().encode("Hello world", true, false);
            assertClose(logits(h, ids), logits(f, ids), 5e-2f, "F16 GGUF vs safetensors base, both with the adapter");
        }
    }

    @Test
    void badAdapterFilesAreOneLineErrorsNamingTheFile() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        var e = assertThrows(IllegalArgumentException.class, () -> PeftAdapter.read(dir));
        assertTrue(e.getMessage().contains("adapter_config.json"), e.getMessage());
        Files.writeString(dir.resolve("adapter_config.json"), "{\"peft_type\": \"IA3\", \"r\": 4, \"target_modules\": [\"q_proj\"]}");
        Files.write(dir.resolve("adapter_model.safetensors"), new byte[0]);
        e = assertThrows(IllegalArgumentException.class, () -> PeftAdapter.read(dir));
        assertTrue(e.getMessage().contains("IA3"), e.getMessage());
    }

    static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
