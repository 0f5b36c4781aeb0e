package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramModelTest {
    private static final Corpus TOY = new Corpus("toy", "the cat sat on the mat.\nthe dog sat on the log.\n".repeat(20) + "the cat ate.\n");

    @Test
    void charFiveGramOnShakespeareIsNearTheKnownFigure() {
        Corpus c = Corpus.tinyShakespeare();
        NgramModel m = NgramModel.train(c, Unit.CHAR, 5);
        Evaluation e = m.evaluate(m.smoothed(Smoothing.KN, 5, Smoothing.Params.DEFAULT), c.split().val());
        // Interpolated modified KN, char 5-gram, nanoGPT split: about 1.56 nats/char.
        assertTrue(e.natsPerChar() > 1.50 && e.natsPerChar() < 1.62, "val nats/char " + e.natsPerChar());
        assertEquals(111_540, e.characters());
        // Lower orders are worse.
        Evaluation tri = m.evaluate(m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT), c.split().val());
        assertTrue(tri.natsPerChar() > e.natsPerChar() + 0.3);
    }

    @Test
    void nextWordTableIsSortedAndUnknownContextIsAClearError() {
        NgramModel m = NgramModel.train(TOY, Unit.WORD, 3);
        LanguageModel lm = m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT);
        List<NextToken> next = m.next(lm, "sat on the", 3);
        // "mat" and "log" follow "on the" equally often in the toy text.
        assertEquals(java.util.Set.of("mat", "log"), java.util.Set.copyOf(next.subList(0, 2).stream().map(NextToken::token).toList()));
        assertEquals(next.get(0).probability(), next.get(1).probability(), 1e-12);
        assertTrue(next.get(1).probability() > 10 * next.get(2).probability());
        assertTrue(next.get(0).probability() >= next.get(1).probability());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.next(lm, "sat on the zebra", 3));
        assertTrue(e.getMessage().contains("'zebra'"), e.getMessage());
    }

    @Test
    void likelierSentenceScoresHigher() {
        NgramModel m = NgramModel.train(TOY, Unit.WORD, 3);
        LanguageModel lm = m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT);
        double good = m.logProb(lm, m.encodeForScoring("the cat sat on the mat.").ids());
        double bad = m.logProb(lm, m.encodeForScoring("mat the on sat cat the.").ids());
        assertTrue(good > bad + 5, good + " vs " + bad);
        assertEquals(List.of("zebra"), m.encodeForScoring("the zebra sat").unknown());
    }

    @Test
    void generationIsReproducibleFromASeed() {
        NgramModel m = NgramModel.train(Corpus.tinyShakespeare(), Unit.CHAR, 4);
        LanguageModel lm = m.smoothed(Smoothing.BACKOFF, 4, Smoothing.Params.DEFAULT);
        String a = m.generate(lm, "ROMEO:", 200, new Sampler(0.8, 10, 42)).text();
        String b = m.generate(lm, "ROMEO:", 200, new Sampler(0.8, 10, 42)).text();
        assertEquals(a, b);
        assertTrue(a.startsWith("ROMEO:") && a.length() == 206, a);
    }

    @Test
    void savesAndLoadsTheSameModel(@TempDir Path dir) throws IOException {
        for (Unit unit : Unit.values()) {
            NgramModel m = NgramModel.train(TOY, unit, 3);
            Path file = dir.resolve(unit + ".ngram");
            NgramFile.save(m, file);
            NgramModel back = NgramFile.load(file);
            assertEquals(m.unit(), back.unit());
            assertEquals(m.trainFingerprint(), back.trainFingerprint());
            assertArrayEquals(m.counts().count, back.counts().count);
            assertArrayEquals(m.counts().firstChild, back.counts().firstChild);
            String val = TOY.split().val();
            assertEquals(m.evaluate(m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT), val).totalNats(),
                    back.evaluate(back.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT), val).totalNats());
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "temporary files left behind");
        }
        Path junk = Files.writeString(dir.resolve("junk.ngram"), "hello");
        assertTrue(assertThrows(IOException.class, () -> NgramFile.load(junk)).getMessage().contains("not a genai4j n-gram model"));
        Path truncated = dir.resolve("cut.ngram");
        byte[] whole = Files.readAllBytes(dir.resolve("CHAR.ngram"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThrows(IOException.class, () -> NgramFile.load(truncated));
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> NgramModel.train(TOY, Unit.CHAR, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Unit.parse("byte")).getMessage().contains("word or char"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("good-turing")).getMessage().contains("kn, addk or backoff"));
        NgramModel m = NgramModel.train(TOY, Unit.CHAR, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT))
                .getMessage().contains("1..2"));
    }
}
