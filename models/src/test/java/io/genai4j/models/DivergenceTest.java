package io.genai4j.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.models.bert.classify.Features;
import io.genai4j.models.bert.classify.Head;
import io.genai4j.models.bert.classify.HeadSpec;
import io.genai4j.models.bert.classify.HeadTrainer;
import io.genai4j.models.rnn.CharRnn;
import io.genai4j.models.rnn.CharRnnConfig;
import io.genai4j.models.rnn.CharRnnTrainer;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.word2vec.Word2Vec;
import io.genai4j.models.word2vec.Word2VecConfig;
import io.genai4j.models.word2vec.WordCorpus;
import io.genai4j.text.CharTokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A run whose loss goes NaN stops with TrainingDiverged (one line, exit 2 in the CLI) instead of
 * training on and saving NaN weights: char RNN, BERT heads and word2vec here (GPT in
 * GptCheckpointTest, translation in TranslationCheckpointTest). A learning rate of 1e38 (1e30 for word2vec) is the
 * divergence: the first steps throw the weights past float range.
 */
class DivergenceTest {
    private static final String TEXT = "to be or not to be that is the question whether tis nobler in the mind to suffer\n".repeat(30);

    private static void assertStops(Executable run) {
        var e = assertThrows(TrainingDiverged.class, run);
        assertTrue(e.getMessage().startsWith("training stopped at ") && e.getMessage().contains("the loss is NaN")
                && e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void charRnn() {
        CharTokenizer chars = CharTokenizer.fit(TEXT);
        CharRnn m = new CharRnn(new CharRnnConfig("lstm", chars.vocabSize(), 8, 16, 1, 0f), new Rng(2));
        assertStops(() -> CharRnnTrainer.train(m, chars.encode(TEXT), new CharRnnTrainer.Settings(4, 16, 100, 1e38, 1e37, 0, 1.0, 3)));
    }

    @Test
    void bertHeads() {
        int n = 64, h = 8;
        Rng r = new Rng(1);
        float[][] pooled = new float[n][h];
        int[] off = new int[n + 1], y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) pooled[i][j] = r.nextFloat() - 0.5f;
            y[i] = pooled[i][0] > 0 ? 1 : 0;
            off[i + 1] = off[i] + 2;
        }
        float[] tokens = new float[off[n] * h];
        for (int i = 0; i < tokens.length; i++) tokens[i] = r.nextFloat() - 0.5f;
        Features f = new Features(pooled, tokens, off, h);
        for (String kind : new String[] {"linear", "mlp", "gru"}) {
            Head head = HeadSpec.of(kind).withWidth(kind.equals("linear") ? 1 : 8).build(h, 2, 3);
            assertStops(() -> HeadTrainer.train(head, f, y, f, y, new HeadTrainer.Config(20, 8, 1e38, 0, 4), TrainListener.NONE));
        }
    }

    @Test
    void word2vec() {
        WordCorpus corpus = WordCorpus.of(List.of(TEXT), 1);
        assertStops(() -> Word2Vec.train(corpus, new Word2VecConfig("skipgram", 8, 2, 3, 1, 0, 5, 1e30, 7)));
    }
}
