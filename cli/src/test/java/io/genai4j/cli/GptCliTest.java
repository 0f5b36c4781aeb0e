package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.engine.Rng;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.text.CharTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genai gpt ...} as a user runs it: the shipped checkpoint by default, a tiny training run, clear errors. */
class GptCliTest {
    @Test
    void sampleFromTheShippedModelIsSeededAndExplains() throws Exception {
        CliRun a = CliRun.of("gpt", "sample", "--prompt", "ROMEO:", "--tokens", "40", "--seed", "7", "--json");
        CliRun b = CliRun.of("gpt", "sample", "--prompt", "ROMEO:", "--tokens", "40", "--seed", "7", "--no-cache", "--json");
        assertEquals(0, a.code(), a.err());
        JsonNode j = a.json();
        assertEquals(40, j.get("tokens").asInt());
        assertEquals(40, j.get("text").asText().length(), "char-level: one character per token");
        assertEquals(j.get("text").asText(), b.json().get("text").asText(), "the KV cache changes nothing");
        assertNotEquals(j.get("text").asText(), CliRun.of("gpt", "sample", "--prompt", "ROMEO:", "--tokens", "40", "--seed", "8", "--json").json().get("text").asText());

        CliRun explain = CliRun.of("gpt", "sample", "--prompt", "ROMEO:", "--tokens", "3", "--explain");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().lines().filter(l -> l.matches("\\s+\\d+ +'.*'.*←.*")).count() == 3, explain.out());
    }

    @Test
    void attentionWritesEveryLayerAndHead(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("att.png");
        CliRun r = CliRun.of("gpt", "attention", "--text", "To be, or not", "--png", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(Files.size(png) > 1000);
        int layers = j.get("layers").asInt(), heads = j.get("heads").asInt(), t = j.get("tokens").size();
        assertEquals(13, t);
        JsonNode w = j.get("weights");
        assertEquals(layers, w.size());
        assertEquals(heads, w.get(0).size());
        JsonNode row = w.get(layers - 1).get(heads - 1).get(t - 1);
        double sum = 0;
        for (JsonNode v : row) sum += v.asDouble();
        assertEquals(1.0, sum, 1e-4, "a softmax row");
        assertEquals(0.0, w.get(0).get(0).get(0).get(1).asDouble(), 0.0, "causal: the first token cannot see the second");
    }

    @Test
    void trainWritesACheckpointThatSamplesAndExports(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("gpt", "train", "--n-layer", "1", "--n-head", "2", "--n-embd", "32", "--block-size", "16", "--batch-size", "4",
                "--max-iters", "30", "--lr-decay-iters", "30", "--warmup-iters", "5", "--eval-interval", "15", "--eval-iters", "2", "--dropout", "0",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(31, j.get("iters").asInt(), "nanoGPT runs iterations 0..max_iters inclusive");
        assertTrue(j.get("best_val_loss").asDouble() < Math.log(65), "better than uniform over 65 characters: " + j);
        assertTrue(j.get("tokens_per_s").asDouble() > 0 && j.get("train_seconds").asDouble() > 0);
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")) && Files.size(out.resolve("loss.png")) > 1000);
        // the trainer emits evaluations; the CLI prints them (iterations 0, 15 and 30)
        for (int iter : new int[] {0, 15, 30}) assertTrue(r.err().contains("step " + iter + ": train loss "), r.err());

        CliRun s = CliRun.of("gpt", "sample", "--checkpoint", out.toString(), "--tokens", "10", "--json");
        assertEquals(0, s.code(), s.err());
        Path gguf = dir.resolve("tiny.gguf");
        CliRun e = CliRun.of("gpt", "export", "--checkpoint", out.toString(), "--gguf", gguf.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        assertEquals(Files.size(gguf), e.json().get("bytes").asLong());
    }

    @Test
    void evalOfNanWeightsReportsNullAndAnErrorNotAPerfectLoss(@TempDir Path dir) throws Exception {
        String text = "First Citizen:\nBefore we proceed any further, hear me speak.\n".repeat(40);
        Path corpus = Files.writeString(dir.resolve("c.txt"), text);
        CharTokenizer tok = CharTokenizer.fit(text);
        Gpt model = new Gpt(new GptConfig(1, 2, 16, 16, tok.vocabSize(), 0f, false), new Rng(1));
        java.util.Arrays.fill(model.namedParameters().get("transformer.ln_f.weight").data(), Float.NaN);
        Path ck = dir.resolve("nan");
        GptCheckpoint.save(ck, model, tok, java.util.Map.of());
        CliRun r = CliRun.of("gpt", "eval", "--checkpoint", ck.toString(), "--corpus", corpus.toString(), "--json");
        assertEquals(2, r.code(), "a NaN loss is no result: " + r.err());
        assertTrue(r.err().contains("validation loss is NaN"), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("val_loss").isNull(), "was 0.0 before: " + j);
        assertTrue(j.get("val_nats_per_char").isNull(), j.toString());
        assertTrue(j.get("error").asText().contains("val_loss=NaN"), j.toString());
    }

    @Test
    void aMissingCheckpointIsOneClearLine(@TempDir Path dir) {
        CliRun r = CliRun.of("gpt", "sample", "--checkpoint", dir.resolve("nope").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("not a GPT checkpoint") && r.err().contains("nope"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
