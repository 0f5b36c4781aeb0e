package io.genai4j.cli.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skills lesson's commands end to end on a tiny budget: generated data, an adapter trained on the
 * shipped assistant from it (PEFT and llama.cpp files), the held-out evaluation with the adapter.
 */
class SkillsLessonCliTest {
    @TempDir
    Path tmp;

    @Test
    void dataTrainAndEvaluateWithTheAdapter() throws Exception {
        Path data = tmp.resolve("skill.jsonl"), out = tmp.resolve("adapter");
        CliRun d = CliRun.of("assistant", "data", "--skill", "weekend", "--count", "6", "--replay", "0.5", "--out", data.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(6, Files.readAllLines(data).size());
        assertTrue(d.out().contains("6 weekend conversations (about 50% of them the assistant's own)"), d.out());

        CliRun t = CliRun.of("lora", "train", "tiny-assistant", "--data", data.toString(), "--rank", "8", "--window", "192", "--steps", "2",
                "--batch", "1", "--eval-every", "2", "--threads", "1", "--out", out.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("trainable params:"), t.out());
        assertTrue(Files.isRegularFile(out.resolve("adapter.gguf")), "a llama.cpp adapter beside the PEFT files");
        assertTrue(t.json().get("val_loss_before").asDouble() > 0);

        CliRun e = CliRun.of("assistant", "eval", "--skill", "weekend", "--questions", "2", "--lora", out.toString(), "--threads", "1", "--json");
        assertEquals(0, e.code(), e.err());
        JsonNode j = e.json();
        assertEquals("weekend", j.get("skill").asText());
        assertTrue(j.get("lora").asBoolean());
        assertEquals(2, j.get("by_kind").get("current_time").get("questions").asInt(), j.toString());
        assertTrue(e.err().contains("adapter: " + out), e.err());
    }

    @Test
    void unknownSkillAndTheHeldOutSeedAreUserErrors() {
        CliRun u = CliRun.of("assistant", "data", "--skill", "haiku", "--out", tmp.resolve("x.jsonl").toString());
        assertEquals(2, u.code());
        assertTrue(u.err().contains("unknown skill 'haiku'"), u.err());
        CliRun s = CliRun.of("assistant", "data", "--skill", "number-only", "--seed", "1000017", "--out", tmp.resolve("y.jsonl").toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("held-out"), s.err());
    }
}
