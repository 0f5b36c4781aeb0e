package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.text.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bert commands end to end, in-process, on the bundled MiniLM (small inputs: the default run stays quick). */
class BertCliTest {

    @Test
    void embedAndSimilarityReproduceSentenceTransformers() throws Exception {
        CliRun r = CliRun.of("bert", "embed", "The cat sits on the mat.", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode e = r.json().get("embeddings").get(0);
        assertEquals(384, e.size());
        assertEquals(0.134177, e.get(0).asDouble(), 1e-5);
        CliRun s = CliRun.of("bert", "similarity", "The cat sits on the mat.", "A dog plays in the park.", "--json");
        assertEquals(0.144634, s.json().get("cosine").asDouble(), 1e-5);
    }

    @Test
    void embedSaysWhenATextWasCut() throws Exception {
        CliRun r = CliRun.of("bert", "embed", "short", "word ".repeat(400), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(256, j.get("max_seq_length").asInt());
        assertEquals(1, j.get("truncated").asInt());
        assertEquals(256, j.get("tokens").get(1).asInt());
        assertEquals(402, j.get("text_tokens").get(1).asInt());
        assertTrue(r.err().contains("note: 1 of 2 texts was cut to minilm's limit of 256 word pieces (the longest has 402)"), r.err());
        assertTrue(r.out().contains("256 of 402 tokens (cut)"), r.out());
    }

    @Test
    void attentionWritesAGridAndRowStochasticWeights(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("a.png");
        CliRun r = CliRun.of("bert", "attention", "The cat sat on the mat.", "--png", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        int t = j.get("tokens").size();
        assertEquals(6, j.get("weights").size());
        assertEquals(12, j.get("weights").get(5).size());
        assertEquals(t, j.get("weights").get(5).get(11).size());
        double sum = 0;
        for (JsonNode v : j.get("weights").get(3).get(7).get(2)) sum += v.asDouble();
        assertEquals(1.0, sum, 1e-3);
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void classifyTrainEvalPredictOnATinySplit(@TempDir Path dir) throws Exception {
        Path sst = SharedData.require("sentiment/sst2");
        // 150 training phrases, 24 dev and 24 test sentences: enough to see the pipeline learn, quick on any GEMM.
        copyHead(sst.resolve("train.tsv"), dir.resolve("train.tsv"), 150);
        copyHead(sst.resolve("dev.tsv"), dir.resolve("dev.tsv"), 24);
        copyHead(sst.resolve("test.tsv"), dir.resolve("test.tsv"), 24);
        System.setProperty("genai.cache", dir.resolve("cache").toString());
        try {
            Path head = dir.resolve("h.safetensors");
            CliRun t = CliRun.of("bert", "classify", "train", "--head", "linear", "--epochs", "10", "--batch-size", "16", "--lr", "1e-2", "--data", dir.toString(), "--out", head.toString(), "--json");
            assertEquals(0, t.code(), t.err());
            assertEquals("linear", t.json().get("head").asText());
            assertTrue(t.json().get("test_accuracy").asDouble() >= 0.6, t.out());
            assertTrue(Files.list(dir.resolve("cache").resolve("features")).count() >= 3, "features are cached");
            CliRun e = CliRun.of("bert", "classify", "eval", "--head-file", head.toString(), "--data", dir.toString(), "--json");
            assertEquals(t.json().get("test_accuracy").asDouble(), e.json().get("accuracy").asDouble(), 1e-9);
            CliRun p = CliRun.of("bert", "classify", "predict", "--head-file", head.toString(), "a wonderful , moving film", "--json");
            assertEquals(0, p.code(), p.err());
            assertEquals(1, p.json().get("predictions").size());
        } finally {
            System.clearProperty("genai.cache");
        }
    }

    @Test
    void userErrorsAreOneLineExitTwo() {
        CliRun r = CliRun.of("bert", "embed", "x", "--model", "no-such-model");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("genai: no model 'no-such-model'"), r.err());
        CliRun h = CliRun.of("bert", "classify", "train", "--head", "transformer");
        assertEquals(2, h.code());
        assertTrue(h.err().contains("unknown head 'transformer'"), h.err());
    }

    private static void copyHead(Path from, Path to, int rows) throws Exception {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        Files.write(to, lines.subList(0, rows + 1), StandardCharsets.UTF_8);
    }
}
