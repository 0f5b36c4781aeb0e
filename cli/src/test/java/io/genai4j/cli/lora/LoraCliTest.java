package io.genai4j.cli.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.models.llama.ModelPreset;
import io.genai4j.models.llama.RandomModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraCliTest {
    @TempDir
    Path tmp;

    /** A GPT-2 base: lora train adapts c_attn by default, and run takes the adapter (unmerged, on the runtime). */
    @Test
    void trainAndRunAnAdapterOnAGpt2Model() throws Exception {
        Path base = tmp.resolve("gpt2.gguf");
        io.genai4j.models.llama.HfToGguf.convert(io.genai4j.models.llama.TinyModels.writeHf(tmp.resolve("hf"), io.genai4j.models.llama.Arch.GPT2, 3), base, DType.F32);
        Path data = tmp.resolve("data.txt"), out = tmp.resolve("adapter");
        Files.writeString(data, "the cat sat on the mat.\n".repeat(60));
        CliRun t = CliRun.of("lora", "train", base.toString(), "--data", data.toString(), "--rank", "4", "--alpha", "8", "--steps", "8",
                "--batch", "2", "--window", "32", "--lr", "1e-2", "--eval-every", "8", "--out", out.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        assertEquals(2 * 4 * (64 + 3 * 64), t.json().get("trainable_params").asLong(), "c_attn [3d, d] in each of 2 layers");
        String[] run = {"run", base.toString(), "--prompt", "the cat", "--max-tokens", "8", "--temperature", "0", "--json"};
        JsonNode plain = CliRun.of(run).json();
        CliRun adapted = CliRun.of(concat(run, "--lora", out.toString()));
        assertEquals(0, adapted.code(), adapted.err());
        assertTrue(adapted.err().contains("adapter: "), adapted.err());
        assertTrue(!plain.get("ids").toString().equals(adapted.json().get("ids").toString()), "the adapter changes the greedy continuation");
    }

    @Test
    void trainEvalAndMergeOnARandomQ8Llama() throws Exception {
        Path base = tmp.resolve("tiny.gguf");
        RandomModel.write(base, ModelPreset.TINY, DType.Q8_0, null, 3, null, null);
        Path data = tmp.resolve("data.txt");
        Files.writeString(data, "the cat sat on the mat.\n".repeat(60));
        Path out = tmp.resolve("adapter");
        CliRun t = CliRun.of("lora", "train", base.toString(), "--data", data.toString(), "--target", "q_proj,v_proj", "--rank", "4",
                "--alpha", "8", "--steps", "12", "--batch", "2", "--window", "32", "--lr", "1e-2", "--eval-every", "6", "--out", out.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("trainable params: 7,168 || all params: "), t.out());   // 2 layers × (q 4·(256+256) + v 4·(256+128))
        JsonNode j = t.json();
        assertEquals(7168, j.get("trainable_params").asLong());
        assertTrue(j.get("val_loss_after").asDouble() < j.get("val_loss_before").asDouble(), t.out());
        assertTrue(Files.isRegularFile(out.resolve("adapter_config.json")) && Files.isRegularFile(out.resolve("adapter_model.safetensors")));
        try (GgufFile g = GgufFile.open(out.resolve("adapter.gguf"))) {
            assertEquals("adapter", g.metadata().string("general.type"));
            assertTrue(g.has("blk.1.attn_v.weight.lora_b"));
        }

        CliRun e = CliRun.of("lora", "eval", base.toString(), out.resolve("adapter.gguf").toString(), "--data", data.toString(), "--window", "32", "--json");
        assertEquals(0, e.code(), e.err());
        assertEquals(j.get("val_loss_after").asDouble(), e.json().get("val_loss_adapted").asDouble(), 2e-3, "the GGUF adapter (F16) scores as trained");

        Path merged = tmp.resolve("merged.gguf");
        CliRun m = CliRun.of("lora", "merge", base.toString(), out.toString(), "--out", merged.toString(), "--type", "F32");
        assertEquals(0, m.code(), m.err());
        CliRun em = CliRun.of("lora", "eval", merged.toString(), out.toString() + ":0", "--data", data.toString(), "--window", "32", "--json");
        assertEquals(0, em.code(), em.err());
        assertEquals(j.get("val_loss_after").asDouble(), em.json().get("val_loss_base").asDouble(), 1e-3, "the merged model scores as base + adapter");

        String[] run = {"run", base.toString(), "--prompt", "the cat", "--max-tokens", "12", "--temperature", "0", "--json"};
        JsonNode plain = CliRun.of(run).json();
        CliRun off = CliRun.of(concat(run, "--lora", out + ":0"));
        assertEquals(0, off.code(), off.err());
        assertTrue(off.err().contains("adapter: "), off.err());
        assertEquals(plain.get("ids").toString(), off.json().get("ids").toString(), "strength 0 is the base model");
        JsonNode adapted = CliRun.of(concat(run, "--lora", out.toString())).json();
        assertTrue(!plain.get("ids").toString().equals(adapted.get("ids").toString()), "the adapter changes the greedy continuation");

        CliRun bad = CliRun.of("lora", "eval", base.toString(), tmp.resolve("none").toString(), "--data", data.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("none"), bad.err());
    }

    @Test
    void styleLessonOnTheShippedGptMergesIntoACheckpoint() throws Exception {
        Path data = tmp.resolve("fr.tsv");
        Files.writeString(data, "Go.\tVa !\tCC-BY\nHello!\tBonjour !\tCC-BY\nI'm home.\tJe suis à la maison.\tCC-BY\n".repeat(20));
        Path out = tmp.resolve("fr");
        CliRun t = CliRun.of("lora", "train", "gpt", "--data", data.toString(), "--column", "2", "--rank", "4", "--steps", "3", "--batch", "1",
                "--window", "32", "--eval-every", "3", "--eval-windows", "2", "--out", out.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(4L * 4 * (256 + 768), j.get("trainable_params").asLong(), "rank 4 on c_attn of 4 layers by default");
        assertTrue(j.has("home_val_loss_after") && j.has("sample_after"), t.out());
        Path merged = tmp.resolve("merged");
        CliRun m = CliRun.of("lora", "merge", "gpt", out.toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        JsonNode e = CliRun.of("lora", "eval", "gpt:" + merged, out + ":0", "--data", data.toString(), "--column", "2", "--window", "32",
                "--eval-windows", "2", "--json").json();
        JsonNode e2 = CliRun.of("lora", "eval", "gpt", out.toString(), "--data", data.toString(), "--column", "2", "--window", "32",
                "--eval-windows", "2", "--json").json();
        assertEquals(e2.get("val_loss_adapted").asDouble(), e.get("val_loss_base").asDouble(), 1e-3, "merged checkpoint = GPT + adapter");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
