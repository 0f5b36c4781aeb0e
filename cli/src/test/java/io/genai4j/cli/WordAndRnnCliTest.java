package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai word2vec and genai rnn on a small text, fast settings. */
class WordAndRnnCliTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = Files.writeString(dir.resolve("toy.txt"), ("the king and the queen sat on the throne. the man and the woman sat on the bench.\n"
                + "he said his word and she said her word. the king spoke to the man; the queen spoke to the woman.\n\n").repeat(40));
    }

    @Test
    void word2vecTrainThenNeighboursAnalogyPlot() throws Exception {
        Path vec = dir.resolve("v.txt");
        CliRun t = CliRun.of("word2vec", "train", "--no-shakespeare", "--corpus", corpus.toString(), "--min-count", "1", "--dim", "12",
                "--epochs", "2", "--out", vec.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertTrue(j.get("vocabulary").asInt() > 10, j.toString());
        assertTrue(j.get("analogy_answered").asInt() >= 1, "man woman king queen is covered: " + j);
        assertTrue(Files.readString(vec).startsWith(j.get("vocabulary").asInt() + " 12\n"), "word2vec text header");
        CliRun n = CliRun.of("word2vec", "neighbors", "king", "--vectors", vec.toString(), "--k", "3", "--json");
        assertEquals(0, n.code(), n.err());
        assertEquals(3, n.json().get("neighbors").get("king").size());
        CliRun a = CliRun.of("word2vec", "analogy", "man", "king", "woman", "--vectors", vec.toString(), "--json");
        assertEquals(0, a.code(), a.err());
        assertEquals(5, a.json().get("answers").size());
        CliRun test = CliRun.of("word2vec", "analogy", "--test", "--vectors", vec.toString(), "--json");
        assertEquals(0, test.code(), test.err());
        assertTrue(test.json().get("skipped").asInt() > 0, "most of the Shakespeare list is not in the toy text");
        Path png = dir.resolve("map.png");
        CliRun p = CliRun.of("word2vec", "plot", "man:woman", "king:queen", "throne", "--vectors", vec.toString(), "--png", png.toString(), "--json");
        assertEquals(0, p.code(), p.err());
        assertEquals(5, p.json().get("words").size());
        assertTrue(Files.size(png) > 1000);
        CliRun bad = CliRun.of("word2vec", "neighbors", "zebra", "--vectors", vec.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'zebra' is not in the vocabulary"), bad.err());
        CliRun missing = CliRun.of("word2vec", "analogy", "a", "b", "c", "--vectors", dir.resolve("none.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("word vectors not found"), missing.err());
    }

    @Test
    void aNegativeRnnSampleLengthIsAUserError() {
        CliRun.assertUserError("--chars must be >= 0, got -5", "rnn", "sample", "--chars", "-5");
    }

    @Test
    void rnnTrainThenSample() throws Exception {
        Path ck = dir.resolve("lstm.safetensors");
        CliRun t = CliRun.of("rnn", "train", "--corpus", corpus.toString(), "--max-steps", "6", "--hidden", "16", "--embed", "8", "--layers", "1",
                "--batch-size", "4", "--seq-len", "16", "--warmup", "1", "--out", ck.toString(), "--half", "--json");
        assertEquals(0, t.code(), t.err());
        double nats = t.json().get("val_nats_per_char").asDouble();
        assertTrue(nats > 0 && nats < Math.log(30), "better than uniform over the toy alphabet: " + nats);
        CliRun s = CliRun.of("rnn", "sample", "--model", ck.toString(), "--prompt", "the ", "--chars", "20", "--json");
        assertEquals(0, s.code(), s.err());
        assertEquals(24, s.json().get("text").asText().length());
        CliRun bad = CliRun.of("rnn", "train", "--corpus", corpus.toString(), "--cell", "transformer");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown --cell"), bad.err());
    }
}
