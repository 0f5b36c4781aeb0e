package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai gguf random and genai bench llm on the tiny preset (no timing is asserted: speed lives in benchmarks). */
class BenchLlmCliTest {
    @TempDir
    Path tmp;

    @Test
    void randomModelHasThePresetShapesAndTypesAndRuns() throws Exception {
        Path f = tmp.resolve("tiny.gguf");
        CliRun w = CliRun.of("gguf", "random", "--arch", "llama", "--preset", "tiny", "--type", "q4_0", "--seed", "3", "--out", f.toString(), "--json");
        assertEquals(0, w.code(), w.err());
        assertEquals(Files.size(f), w.json().get("bytes").asLong());
        try (GgufFile g = GgufFile.open(f)) {
            assertEquals(DType.Q4_0, g.info("blk.0.attn_q.weight").type().dtype());
            assertEquals(DType.Q6_K, g.info("token_embd.weight").type().dtype(), "llama-quantize's output type for 4-bit files");
            assertEquals(DType.F32, g.info("blk.1.ffn_norm.weight").type().dtype());
            assertEquals(256, g.metadata().int32("llama.embedding_length"));
            assertTrue(!g.has("output.weight"), "tied embeddings");
        }
        // The same seed writes the same bytes; another seed other bytes.
        Path again = tmp.resolve("again.gguf"), other = tmp.resolve("other.gguf");
        assertEquals(0, CliRun.of("gguf", "random", "--preset", "tiny", "--type", "q4_0", "--seed", "3", "--out", again.toString()).code());
        assertEquals(0, CliRun.of("gguf", "random", "--preset", "tiny", "--type", "q4_0", "--seed", "4", "--out", other.toString()).code());
        assertEquals(-1L, Files.mismatch(f, again));
        assertNotEquals(-1L, Files.mismatch(f, other));

        CliRun run = CliRun.of("run", f.toString(), "--prompt", "Hello", "--max-tokens", "4", "--temperature", "0", "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(4, run.json().get("ids").size());
    }

    @Test
    void benchReportsPpAndTgAsJson() throws Exception {
        Path f = tmp.resolve("tiny-f16.gguf");
        assertEquals(0, CliRun.of("gguf", "random", "--preset", "tiny", "--type", "f16", "--out", f.toString()).code());
        CliRun b = CliRun.of("bench", "llm", f.toString(), "--prompt-tokens", "32", "--gen-tokens", "8", "--threads", "2", "--repeats", "2", "--json");
        assertEquals(0, b.code(), b.err());
        JsonNode j = b.json();
        assertEquals("tiny-f16.gguf", j.get("model").asText());
        assertEquals("f16", j.get("type").asText());
        assertEquals(2, j.get("threads").asInt());
        assertTrue(j.get("pp_tps").asDouble() > 0 && j.get("tg_tps").asDouble() > 0, b.out());
        assertEquals(2, j.get("tg_runs").size());
        assertEquals(1, j.get("sessions").asInt());

        // Four sessions of the one loaded model at once: their aggregate speed.
        CliRun four = CliRun.of("bench", "llm", f.toString(), "--prompt-tokens", "16", "--gen-tokens", "8", "--threads", "2", "--repeats", "1", "--sessions", "4", "--json");
        assertEquals(0, four.code(), four.err());
        assertEquals(4, four.json().get("sessions").asInt());
        assertTrue(four.json().get("tg_tps").asDouble() > 0, four.out());
        CliRun zero = CliRun.of("bench", "llm", f.toString(), "--sessions", "0");
        assertTrue(zero.err().contains("--sessions must be >= 1"), zero.err());
    }

    @Test
    void userMistakesAreOneLineErrors() throws Exception {
        CliRun r = CliRun.of("gguf", "random", "--preset", "llama-9b", "--type", "q4_0", "--out", tmp.resolve("x.gguf").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("unknown preset 'llama-9b'"), r.err());
        CliRun t = CliRun.of("gguf", "random", "--preset", "tiny", "--type", "q3_k", "--out", tmp.resolve("x.gguf").toString());
        assertTrue(t.err().contains("unknown --type 'q3_k'"), t.err());
        CliRun a = CliRun.of("gguf", "random", "--arch", "qwen2", "--preset", "tiny", "--type", "q8_0", "--out", tmp.resolve("x.gguf").toString());
        assertTrue(a.err().contains("is a llama model, not qwen2"), a.err());
        CliRun k = CliRun.of("bench", "llm", tmp.resolve("missing.gguf").toString());
        assertNotEquals(0, k.code());
        assertTrue(k.err().contains("missing.gguf"), k.err());
    }
}
