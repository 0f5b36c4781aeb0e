package io.genai4j.cli.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.vision.SyntheticMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai caption train, eval and describe on a synthetic MNIST file with a tiny model, and a bad flag's one-line error. */
class CaptionCliTest {
    @TempDir
    Path dir;

    @Test
    void trainEvalAndDescribe() throws Exception {
        SyntheticMnist.write(dir, 2100);
        Path ck = dir.resolve("git.safetensors");
        CliRun t = CliRun.of("caption", "train", "--max-steps", "6", "--cpu-seconds", "0", "--batch-size", "4", "--eval-every", "3",
                "--dim", "16", "--encoder-depth", "1", "--decoder-depth", "1", "--data", dir.toString(), "--out", ck.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(6, j.get("steps").asInt());
        assertTrue(Files.size(ck) > 10_000);

        CliRun e = CliRun.of("caption", "eval", "--checkpoint", ck.toString(), "--scenes", "3", "--data", dir.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        JsonNode m = e.json();
        assertEquals("held-out", m.get("split").asText());
        assertEquals(3, m.get("scenes").asInt());
        assertTrue(m.get("questions").asInt() >= 3 * 4, "every scene is asked at least four questions");
        double cider = m.get("cider_d").asDouble(), qa = m.get("qa_accuracy").asDouble();
        assertTrue(cider >= 0 && qa >= 0 && qa <= 1, e.out());

        Path png = dir.resolve("att.png");
        CliRun d = CliRun.of("caption", "describe", "--checkpoint", ck.toString(), "--split", "seen", "--index", "2", "--beam", "2",
                "--data", dir.toString(), "--png", png.toString(), "--json");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.json().get("reference").asText().startsWith("a "), d.out());
        assertTrue(Files.size(png) > 1000);

        CliRun bad = CliRun.of("caption", "eval", "--checkpoint", ck.toString(), "--split", "other", "--data", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--split must be held-out or seen"), bad.err());
    }
}
