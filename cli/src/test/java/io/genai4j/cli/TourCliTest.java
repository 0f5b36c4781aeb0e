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
        for (JsonNode rung : ladder) {
            if (!rung.get("family").asText().equals("n-gram")) continue;   // later lessons' rungs are checked by their own tests
            double v = rung.get("val_nats_per_char").asDouble();
            assertTrue(v < prev, "each n-gram rung improves on the last: " + ladder);
            prev = v;
        }
        assertTrue(prev > 1.50 && prev < 1.62, "char 5-gram KN: " + prev);
        assertTrue(r.out().contains("Summary"));
    }
}
