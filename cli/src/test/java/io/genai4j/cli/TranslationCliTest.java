package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai seq2seq / transformer end to end on a tiny built-in pair file (no shared data needed). */
class TranslationCliTest {
    @TempDir
    static Path dir;
    static Path pairs;

    @BeforeAll
    static void pairs() throws Exception {
        String[][] base = {{"I am cold.", "J'ai froid."}, {"I am tired.", "Je suis fatigué."}, {"He is tall.", "Il est grand."},
                {"She is happy.", "Elle est heureuse."}, {"The cat sleeps.", "Le chat dort."}, {"The dog eats.", "Le chien mange."}};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) for (String[] p : base) lines.add(p[0].replace(".", " " + i + ".") + "\t" + p[1].replace(".", " " + i + "."));
        pairs = Files.write(dir.resolve("pairs.txt"), lines);
    }

    private static String[] train(String model, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of(model, "train", "--data", pairs.toString(), "--max-steps", "12", "--cpu-minutes", "0",
                "--bpe-vocab", "300", "--batch-size", "8", "--eval-every", "6", "--val-pairs", "8", "--bleu-pairs", "3", "--out", out.toString(), "--json"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void seq2seqTrainTranslateEval() throws Exception {
        Path out = dir.resolve("s2s");
        CliRun t = CliRun.of(train("seq2seq", out, "--embed", "16", "--hidden", "16", "--cell", "lstm", "--attention", "luong"));
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(12, j.get("steps").asInt());
        assertTrue(j.get("val_loss").asDouble() > 0 && j.has("cpu_minutes") && j.has("val_bleu_greedy"), j.toString());
        assertTrue(t.out().contains("CC BY 2.0") && t.out().contains("tatoeba.org"), "the attribution is printed");
        Path png = dir.resolve("s2s.png");
        CliRun tr = CliRun.of("seq2seq", "translate", "--model", out.toString(), "--beam", "2", "--png", png.toString(), "I am cold.", "He is tall.", "--json");
        assertEquals(0, tr.code(), tr.err());
        assertEquals(2, tr.json().get("translations").size());
        assertEquals("i am cold.", tr.json().get("translations").get(0).get("source").asText());
        assertTrue(Files.size(png) > 1000);
        CliRun ev = CliRun.of("seq2seq", "eval", "--model", out.toString(), "--data", pairs.toString(), "--json");
        assertEquals(0, ev.code(), ev.err());
        JsonNode e = ev.json();
        assertEquals(3, e.get("sentences").asInt(), "5% of 60 distinct sources");
        double bleu = e.get("bleu").asDouble();
        assertTrue(bleu >= 0 && bleu <= 100, e.toString());
        assertEquals(12, e.get("train_steps").asInt());
    }

    @Test
    void transformerTrainAttentionAndEvalBeam() throws Exception {
        Path out = dir.resolve("tf");
        CliRun t = CliRun.of(train("transformer", out, "--layers", "1", "--d-model", "16", "--heads", "8", "--d-ff", "32", "--warmup", "5"));
        assertEquals(0, t.code(), t.err());
        assertEquals(8, t.json().get("config").get("heads").asInt());
        Path png = dir.resolve("att.png");
        CliRun a = CliRun.of("transformer", "attention", "--model", out.toString(), "--png", png.toString(), "The", "cat", "sleeps.", "--json");
        assertEquals(0, a.code(), a.err());
        JsonNode w = a.json().get("weights");
        assertEquals(a.json().get("target_tokens").size(), w.size());
        for (JsonNode row : w) {
            double s = 0;
            for (JsonNode x : row) s += x.asDouble();
            assertEquals(1.0, s, 2e-3, "each row of attention weights sums to 1");
        }
        assertTrue(Files.size(png) > 1000);
        CliRun ev = CliRun.of("transformer", "eval", "--model", out.toString(), "--data", pairs.toString(), "--beam", "3", "--split", "val", "--json");
        assertEquals(0, ev.code(), ev.err());
        assertEquals(3, ev.json().get("beam").asInt());
    }

    @Test
    void mistakesAreOneClearLine() throws Exception {
        Path out = dir.resolve("s2s-err");
        String[][] cases = {
                {"translation pairs not found", "seq2seq", "train", "--data", dir.resolve("none.txt").toString(), "--max-steps", "1"},
                {"unknown --cell 'xyz'", "seq2seq", "train", "--data", pairs.toString(), "--max-steps", "1", "--cell", "xyz", "--out", out.toString()},
                {"give --cpu-minutes or --max-steps", "transformer", "train", "--data", pairs.toString(), "--cpu-minutes", "0", "--out", out.toString()},
                {"not a seq2seq checkpoint", "seq2seq", "translate", "--model", dir.resolve("nothing").toString(), "hello"},
                {"--beam must be >= 1", "transformer", "eval", "--model", dir.resolve("nothing").toString(), "--beam", "0"},
        };
        for (String[] c : cases) CliRun.assertUserError(c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
        Path s2s = dir.resolve("s2s-kind");
        CliRun made = CliRun.of(train("seq2seq", s2s, "--embed", "8", "--hidden", "8"));
        assertEquals(0, made.code(), made.err());
        CliRun wrong = CliRun.of("transformer", "translate", "--model", s2s.toString(), "hello");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("holds a seq2seq model"), wrong.err());
    }

    @Test
    void withoutAModelTheShippedTransformerTranslates() throws Exception {
        CliRun r = CliRun.of("transformer", "translate", "Where is the station?", "--json");   // no runs/transformer in the module folder
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("shipped for the tour"), r.err());
        assertEquals("où se trouve la gare ?", r.json().get("translations").get(0).get("translation").asText());
        Path png = dir.resolve("shipped-att.png");
        CliRun a = CliRun.of("transformer", "attention", "I am cold.", "--png", png.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(Files.size(png) > 1000);
    }
}
