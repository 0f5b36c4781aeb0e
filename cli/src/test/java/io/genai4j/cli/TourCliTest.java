package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command runs end to end, narrates every step and writes its pictures. */
class TourCliTest {
    @Test
    void tourRunsEveryStepAndWritesPictures(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("tour", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("steps").size() >= 5, "the n-gram steps and the ladder, plus later lessons' steps");
        for (JsonNode p : j.get("pictures")) assertTrue(Files.size(Path.of(p.asText())) > 1000, p.asText());
        JsonNode ladder = j.get("steps").get(j.get("steps").size() - 1).get("ladder");   // the ladder comes last
        double prev = Double.MAX_VALUE;
        Double gpt = null;
        for (JsonNode rung : ladder) {
            double v = rung.get("val_nats_per_char").asDouble();
            if (rung.get("family").asText().equals("GPT")) { gpt = v; continue; }
            if (!rung.get("family").asText().equals("n-gram")) continue;   // other families' rungs are checked by their own tests
            assertTrue(v < prev, "each n-gram rung improves on the last: " + ladder);
            prev = v;
        }
        assertTrue(prev > 1.50 && prev < 1.62, "char 5-gram KN: " + prev);
        assertTrue(gpt != null && gpt < prev - 0.05, "the shipped GPT beats the best n-gram: " + ladder);
        assertTrue(r.out().contains("Summary"));
    }
}
