package io.genai4j.cli.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.engine.DType;
import io.genai4j.models.llama.ModelPreset;
import io.genai4j.models.llama.RandomModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both projects run end to end on the tiny assistant (its numbers are not the point: the wiring, the table, the JSON and the chart are). */
class PromptCliTest {
    @TempDir
    Path tmp;

    @Test
    void sst2RunsEveryShotAndSelectionCombinationAndDrawsThem() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("sst2"));
        Files.writeString(data.resolve("train.tsv"), "sentence\tlabel\n"
                + "a dull , lifeless and boring film\t0\nan utterly charming and witty film\t1\n"
                + "the plot is a tired mess of cliches\t0\nwarm , funny and beautifully acted throughout\t1\n");
        Files.writeString(data.resolve("test.tsv"), "sentence\tlabel\na gorgeous , witty , seductive movie .\t1\na tedious , dull mess .\t0\n");
        Path png = tmp.resolve("sst2.png");
        CliRun r = CliRun.of("prompt", "sst2", "--data", data.toString(), "--shots", "0,2", "--select", "random,nearest", "--pool", "4",
                "--png", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode results = r.json().get("results");
        assertEquals(3, results.size(), r.out());
        assertEquals("zero-shot", results.get(0).get("method").asText());
        assertEquals("2-shot nearest", results.get(2).get("method").asText());
        for (JsonNode s : results) {
            assertEquals(2, s.get("total").asInt());
            assertTrue(s.get("correct").asInt() + s.get("unanswered").asInt() + s.get("too_long").asInt() <= 2, s.toString());
        }
        assertTrue(results.get(0).get("tokens").asLong() > 0, r.out());
        assertTrue(r.out().contains("2-shot random"), r.out());
        assertTrue(Files.size(png) > 1000);
    }

    /** On a random-weight GGUF whose context holds a reasoning prompt (the tiny assistant's 192 tokens do not). */
    @Test
    void arithmeticComparesTheThreeModes() throws Exception {
        Path gguf = tmp.resolve("random.gguf");
        RandomModel.write(gguf, ModelPreset.of("tiny"), DType.Q8_0, null, 1, null, null);
        CliRun r = CliRun.of("prompt", "arithmetic", "--model", gguf.toString(), "--problems", "1", "--k", "2", "--max-tokens", "8", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode results = r.json().get("results");
        assertEquals(3, results.size(), r.out());
        assertEquals("self-consistency k=2", results.get(2).get("method").asText());
        assertEquals(0, results.get(1).get("too_long").asInt(), r.out());
        assertTrue(results.get(2).get("tokens").asLong() > results.get(1).get("tokens").asLong(), "k samples cost more than one: " + r.out());
    }

    @Test
    void badFlagsAreOneLineErrors() {
        CliRun mode = CliRun.of("prompt", "arithmetic", "--mode", "guess");
        assertEquals(2, mode.code());
        assertTrue(mode.err().contains("unknown mode guess"), mode.err());
        CliRun select = CliRun.of("prompt", "sst2", "--select", "best", "--data", tmp.toString());
        assertEquals(2, select.code());
        assertTrue(select.err().contains("fixed, random or nearest"), select.err());
    }
}
