package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai bench llm on the tiny preset (no timing is asserted: speed lives in benchmarks; moved from the CLI's BenchLlmCliTest). */
class BenchLlmTest {
    @TempDir
    Path tmp;

    @Test
    void benchReportsPpAndTgAsJson() throws Exception {
        Path f = TestData.tinyGguf(tmp, "f16");
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
    void aMissingFileIsNamed() {
        CliRun k = CliRun.of("bench", "llm", tmp.resolve("missing.gguf").toString());
        assertNotEquals(0, k.code());
        assertTrue(k.err().contains("missing.gguf"), k.err());
    }
}
