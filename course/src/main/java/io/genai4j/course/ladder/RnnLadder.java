package io.genai4j.course.ladder;

import io.genai4j.course.ladder.LadderData;
import io.genai4j.course.ladder.LadderEntry;
import io.genai4j.course.ladder.LadderProvider;
import io.genai4j.course.ladder.LadderResult;
import io.genai4j.engine.Rng;
import io.genai4j.models.rnn.CharRnn;
import io.genai4j.models.rnn.CharRnnCheckpoint;
import io.genai4j.models.rnn.CharRnnConfig;
import io.genai4j.models.rnn.CharRnnEvaluation;
import io.genai4j.models.rnn.CharRnnTrainer;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.util.Arrays;
import java.util.List;

/**
 * The recurrent rung of the ladder: a char LSTM scored on the whole validation split. On tiny
 * Shakespeare it is the checkpoint that ships with genai4j (trained on the same training split by
 * {@code genai rnn train}, minutes of CPU that the ladder should not spend each time); on another
 * corpus a small LSTM is trained on the spot for a fixed number of steps.
 */
public final class RnnLadder implements LadderProvider {
    /** Steps of the on-the-spot training for a corpus other than the bundled one. */
    static final int LIVE_STEPS = 300;

    @Override
    public List<LadderEntry> entries() {
        return List.of(new Rung("LSTM (char)", "RNN", 200));
    }

    /** The rung: its name, family and rank are fixed. */
    private record Rung(String name, String family, int rank) implements LadderEntry {
        @Override
        public LadderResult run(LadderData data) throws Exception {
            long t0 = System.nanoTime();
            CharRnnCheckpoint ck = CharRnnCheckpoint.bundled();
            CharTokenizer chars = data.chars();
            CharRnn model;
            String name;
            if (ck != null && matches(ck, data)) {
                model = ck.model();
                name = ck.model().config.shortName() + " (char)";
            } else {
                model = new CharRnn(new CharRnnConfig("lstm", chars.vocabSize(), 32, 128, 1, 0f), new Rng(data.seed()));
                CharRnnTrainer.train(model, chars.encode(data.train()), new CharRnnTrainer.Settings(32, 64, LIVE_STEPS, 3e-3, 3e-4, 20, 1.0, data.seed()));
                name = "LSTM 1×128 (char, " + LIVE_STEPS + " steps)";
            }
            int[] train = chars.encode(data.train()), val = chars.encode(data.val());
            double nats = CharRnnEvaluation.natsPerChar(model, train[train.length - 1], val, 64);
            int[] prompt = {train[train.length - 1]};
            String sample = chars.decode(CharRnnEvaluation.sample(model, prompt, data.sampleChars(), 1f, data.seed()));
            return new LadderResult(name, family(), rank(), model.numParameters(), "parameters", nats, sample, (System.nanoTime() - t0) / 1e9);
        }

        /** The bundled checkpoint fits when it was trained on this very corpus with this character set. */
        private static boolean matches(CharRnnCheckpoint ck, LadderData data) {
            return Corpus.fingerprint(data.corpus().text()).equals(ck.train().get("corpus_fingerprint"))
                    && Arrays.equals(ck.chars().codePoints(), data.chars().codePoints());
        }
    }
}
