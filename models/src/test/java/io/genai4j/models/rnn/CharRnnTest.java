package io.genai4j.models.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.text.CharTokenizer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharRnnTest {
    private static final String TEXT = "abcabdabcabdabcabd".repeat(40);

    /** −log p of every character read one at a time with the state carried, as a reference. */
    private static double stepByStep(CharRnn m, int before, int[] text) {
        double sum = 0;
        try (Grad g = Grad.off()) {
            CharRnn.State s = null;
            int prev = before;
            for (int x : text) {
                CharRnn.Output o = m.forward(new int[] {prev}, 1, 1, s);
                float[] logp = o.logits().reshape(-1).logSoftmax(-1).toArray();
                sum -= logp[x];
                s = o.state();
                prev = x;
            }
        }
        return sum / text.length;
    }

    @Test
    void chunkedScoringEqualsReadingOneCharacterAtATime() {
        for (String cell : new String[] {"lstm", "gru", "rnn"}) {
            CharTokenizer chars = CharTokenizer.fit(TEXT);
            CharRnn m = new CharRnn(new CharRnnConfig(cell, chars.vocabSize(), 4, 6, 2, 0f), new Rng(1));
            int[] val = chars.encode(TEXT.substring(0, 600));
            assertEquals(stepByStep(m, 0, val), CharRnnEvaluation.natsPerChar(m, 0, val, 1), 1e-4, cell);
        }
    }

    @Test
    void learnsAPatternThatNeedsMemoryAndRoundTrips(@TempDir Path dir) throws Exception {
        // after "ab" comes c or d in turn: predicting it needs the character three back, beyond a bigram's reach
        CharTokenizer chars = CharTokenizer.fit(TEXT);
        CharRnn m = new CharRnn(new CharRnnConfig("lstm", chars.vocabSize(), 8, 24, 1, 0f), new Rng(2));
        int[] ids = chars.encode(TEXT);
        double before = CharRnnEvaluation.natsPerChar(m, 0, ids, 4);
        CharRnnTrainer.Result r = CharRnnTrainer.train(m, ids, new CharRnnTrainer.Settings(4, 16, 150, 1e-2, 1e-3, 5, 1.0, 3));
        double after = CharRnnEvaluation.natsPerChar(m, 0, ids, 4);
        // a, b and the c/d slot are each certain given the last 3 characters; only stream starts are unsure
        assertTrue(after < 0.1 && after < before / 10, "nats/char " + before + " → " + after);
        assertEquals(150, r.steps());
        Path f = dir.resolve("m.safetensors");
        CharRnnCheckpoint.save(f, m, chars, Map.of("steps", 150), true);
        CharRnnCheckpoint back = CharRnnCheckpoint.load(f);
        assertArrayEquals(chars.codePoints(), back.chars().codePoints());
        assertEquals(after, CharRnnEvaluation.natsPerChar(back.model(), 0, ids, 4), 0.02, "F16 weights score about the same");
        String sample = chars.decode(CharRnnEvaluation.sample(back.model(), chars.encode("abcab"), 12, 0.01f, 1));
        assertEquals("dabcabdabcab", sample);
    }

    @Test
    void bundledCheckpointIsTinyShakespeare() throws Exception {
        CharRnnCheckpoint ck = CharRnnCheckpoint.bundled();
        org.junit.jupiter.api.Assumptions.assumeTrue(ck != null, "no bundled LSTM in this build");
        assertEquals(65, ck.chars().vocabSize());
        assertEquals(io.genai4j.text.Corpus.fingerprint(io.genai4j.text.Corpus.tinyShakespeare().text()), ck.train().get("corpus_fingerprint"));
    }
}
