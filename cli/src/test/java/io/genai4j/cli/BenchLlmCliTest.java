package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai gguf random on the tiny preset; {@code genai bench llm} on it is tested in the bench module (BenchLlmTest). */
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
    void userMistakesAreOneLineErrors() throws Exception {
        CliRun r = CliRun.of("gguf", "random", "--preset", "llama-9b", "--type", "q4_0", "--out", tmp.resolve("x.gguf").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("unknown preset 'llama-9b'"), r.err());
        CliRun t = CliRun.of("gguf", "random", "--preset", "tiny", "--type", "q3_k", "--out", tmp.resolve("x.gguf").toString());
        assertTrue(t.err().contains("unknown --type 'q3_k'"), t.err());
        CliRun a = CliRun.of("gguf", "random", "--arch", "qwen2", "--preset", "tiny", "--type", "q8_0", "--out", tmp.resolve("x.gguf").toString());
        assertTrue(a.err().contains("is a llama model, not qwen2"), a.err());
    }
}
