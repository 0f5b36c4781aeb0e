package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramCliTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = TestData.toyCorpus(dir);
    }

    @Test
    void trainThenEvalFromTheSavedModel() throws Exception {
        Path model = dir.resolve("m.bin");
        CliRun train = CliRun.of("ngram", "train", "--corpus", corpus.toString(), "--unit", "char", "--order", "4", "--out", model.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        assertEquals(4, train.json().get("order").asInt());
        assertTrue(Files.size(model) > 0);
        CliRun eval = CliRun.of("ngram", "eval", "--model", model.toString(), "--corpus", corpus.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode j = eval.json();
        for (String key : new String[] {"order", "unit", "val_ppl", "val_nats_per_char", "copy_rate", "longest_copy"}) assertTrue(j.has(key), key);
        assertEquals("char", j.get("unit").asText());
        assertTrue(j.get("val_ppl").asDouble() >= 1 && j.get("val_ppl").asDouble() < 2, "a repeated text is almost certain: " + j);
        double copy = j.get("copy_rate").asDouble();
        assertTrue(copy >= 0 && copy <= 1, j.toString());
        assertEquals(copy > 0, j.get("longest_copy").asInt() >= 8, "a copy is a run of 8+ words: " + j);
    }

    @Test
    void nextAndScoreAnswerTheLessonsQuestions() throws Exception {
        CliRun next = CliRun.of("ngram", "next", "sat on the", "--corpus", corpus.toString(), "--top", "3", "--json");
        assertEquals(0, next.code(), next.err());
        JsonNode rows = next.json().get("next");
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).get("probability").asDouble() >= rows.get(1).get("probability").asDouble());
        CliRun score = CliRun.of("ngram", "score", "the cat sat on the mat.", "mat the on sat cat the.", "--corpus", corpus.toString(), "--json");
        assertEquals(0, score.code(), score.err());
        assertEquals("the cat sat on the mat.", score.json().get("most_likely").asText());
        CliRun gen = CliRun.of("ngram", "generate", "--corpus", corpus.toString(), "--smoothing", "backoff", "--tokens", "30", "--seed", "3", "--json");
        assertEquals(0, gen.code(), gen.err());
        assertEquals(gen.json().get("text").asText(), CliRun.of("ngram", "generate", "--corpus", corpus.toString(), "--smoothing", "backoff", "--tokens", "30", "--seed", "3", "--json").json().get("text").asText());
    }

    @Test
    void badInputIsOneClearLineAndExitTwo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        String[][] cases = {
                {"order must be 1..16", "ngram", "eval", "--corpus", corpus.toString(), "--order", "0"},
                {"unknown unit 'byte'", "ngram", "eval", "--corpus", corpus.toString(), "--unit", "byte"},
                {"unknown smoothing 'magic'", "ngram", "eval", "--corpus", corpus.toString(), "--smoothing", "magic"},
                {"corpus file not found", "ngram", "train", "--corpus", dir.resolve("missing.txt").toString()},
                {"is empty", "ngram", "train", "--corpus", empty.toString()},
                {"'zebra'", "ngram", "next", "the zebra", "--corpus", corpus.toString()},
                {"model file not found", "ngram", "eval", "--model", dir.resolve("none.bin").toString()},
        };
        for (String[] c : cases) CliRun.assertUserError(c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
    }
}
