package io.genai4j.models;

import io.genai4j.engine.Rng;
import io.genai4j.models.bert.classify.Head;
import io.genai4j.models.bert.classify.HeadFile;
import io.genai4j.models.bert.classify.HeadSpec;
import io.genai4j.models.rnn.CharRnn;
import io.genai4j.models.rnn.CharRnnCheckpoint;
import io.genai4j.models.rnn.CharRnnConfig;
import io.genai4j.models.word2vec.WordVectors;
import io.genai4j.text.CharTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The process {@link SingleFileKillTest} kills: saves, again and again, the single-file checkpoints
 * of the char RNN, a BERT head and word2vec through their real save methods, save i marking its
 * content with i. Not a test (no Test suffix): it runs in a child JVM.
 */
public final class SingleFileKillChild {
    static final String RNN = "rnn.safetensors", HEAD = "head.safetensors", VECTORS = "vectors.txt";
    static final int WORDS = 200, DIM = 16;

    private SingleFileKillChild() {}

    /** args: the folder. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CharTokenizer chars = CharTokenizer.fit("to be or not to be");
        CharRnn rnn = new CharRnn(new CharRnnConfig("lstm", chars.vocabSize(), 8, 32, 1, 0f), new Rng(1));
        Head head = HeadSpec.of("mlp").withWidth(64).build(32, 2, 1);
        String[] words = new String[WORDS];
        for (int w = 0; w < WORDS; w++) words[w] = "w" + w;
        for (int i = 1; ; i++) {
            CharRnnCheckpoint.save(dir.resolve(RNN), rnn, chars, Map.of("iter", i), false);
            new HeadFile(head, "iter-" + i, "mean", new String[] {"negative", "positive"}).save(dir.resolve(HEAD));
            float[][] v = new float[WORDS][DIM];
            for (float[] row : v) Arrays.fill(row, i);
            new WordVectors(words, v, null).save(dir.resolve(VECTORS));
        }
    }
}
