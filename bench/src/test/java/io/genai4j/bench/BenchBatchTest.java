package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai bench batch on the tiny preset: one row per stream count, and the streams really ran in batches (no speed is asserted). */
class BenchBatchTest {
    @TempDir
    Path tmp;

    @Test
    void reportsAggregateSpeedPerStreamCountAsJson() throws Exception {
        Path f = TestData.tinyGguf(tmp, "q8_0");
        CliRun b = CliRun.of("bench", "batch", f.toString(), "--streams", "1,3", "--gen-tokens", "12", "--prompt-tokens", "4", "--threads", "2", "--compare", "--json");
        assertEquals(0, b.code(), b.err());
        JsonNode rows = b.json().get("results");
        assertEquals(2, rows.size(), b.out());
        assertEquals(1, rows.get(0).get("streams").asInt());
        assertEquals(1.0, rows.get(0).get("vs_single").asDouble());
        assertEquals(1.0, rows.get(0).get("mean_batch").asDouble());
        JsonNode three = rows.get(1);
        assertEquals(3, three.get("streams").asInt());
        assertTrue(three.get("batched_tps").asDouble() > 0 && three.get("alone_tps").asDouble() > 0, b.out());
        assertTrue(three.get("mean_batch").asDouble() > 1.0, "three streams step together: " + b.out());
    }

    @Test
    void aStreamCountBelowOneIsRefused() {
        CliRun k = CliRun.of("bench", "batch", tmp.resolve("any.gguf").toString(), "--streams", "0");
        assertTrue(k.code() != 0 && k.err().contains("--streams must be >= 1"), k.err());
    }
}
