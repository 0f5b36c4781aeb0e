package io.genai4j.cli.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraCompareCliTest {
    @TempDir
    Path tmp;

    @Test
    void aTinyComparisonPrintsTheTableWritesTheChartAndReportsJson() throws Exception {
        Path data = tmp.resolve("new.txt"), png = tmp.resolve("compare.png");
        Files.writeString(data, "the cat sat on the mat, and the dog sat on the log.\n".repeat(40));
        CliRun r = CliRun.of("lora", "compare", "--data", data.toString(), "--column", "0", "--steps", "1", "--batch", "2", "--window", "32",
                "--eval-windows", "2", "--full-lr", "1e-3", "--lora", "c_attn:1", "--png", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("base (no training)") && r.out().contains("LoRA c_attn r 1") && r.out().contains("full FT lr 1e-03"), r.out());
        assertTrue(Files.size(png) > 1000);
        JsonNode j = r.json();
        JsonNode runs = j.get("runs");
        assertEquals(2, runs.size());
        JsonNode full = runs.get(0), r1 = runs.get(1);
        assertEquals("full", full.get("kind").asText());
        assertEquals(full.get("all_params").asLong(), full.get("trainable_params").asLong());
        assertEquals(full.get("all_params").asLong() + r1.get("trainable_params").asLong(), r1.get("all_params").asLong());
        for (JsonNode run : runs) assertEquals(2 * 32, run.get("tokens").asLong());
        assertTrue(full.get("val_loss").asDouble() < j.get("base_val_loss").asDouble());
    }

    @Test
    void aBadFamilyIsAOneLineUserError() {
        CliRun r = CliRun.of("lora", "compare", "--lora", "c_attn", "--steps", "1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--lora wants TARGET:R"), r.err());
        CliRun rank = CliRun.of("lora", "compare", "--lora", "c_attn:x", "--steps", "1");
        assertEquals(2, rank.code(), rank.err());
        assertTrue(rank.err().contains("rank 'x'") || rank.err().contains("rank \"x\"") || rank.err().contains("rank x"), rank.err());
    }
}
