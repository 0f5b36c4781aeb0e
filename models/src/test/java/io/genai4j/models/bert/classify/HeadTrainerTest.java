package io.genai4j.models.bert.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.models.train.TrainListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heads learn a planted rule from synthetic features, and survive a save/load round trip. */
public class HeadTrainerTest {

    /** Pooled vectors whose class is the sign of dimension 0; token states that carry it at a random position. */
    public static Features synthetic(int n, long seed, int[] labels) {
        Rng r = new Rng(seed);
        int h = 8;
        float[][] pooled = new float[n][h];
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) off[i + 1] = off[i] + 2 + (int) (r.nextDouble() * 5);
        float[] tokens = new float[off[n] * h];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextDouble() < 0.5 ? 0 : 1;
            for (int k = 0; k < h; k++) pooled[i][k] = (float) r.nextGaussian();
            pooled[i][0] = (labels[i] == 1 ? 1 : -1) * (0.5f + (float) r.nextDouble());
            for (int t = off[i]; t < off[i + 1]; t++) for (int k = 0; k < h; k++) tokens[t * h + k] = (float) r.nextGaussian() * 0.5f;
            int at = off[i] + (int) (r.nextDouble() * (off[i + 1] - off[i]));
            tokens[at * h] = labels[i] == 1 ? 2f : -2f;   // one token says it all; the GRU must find it anywhere
        }
        return new Features(pooled, tokens, off, h);
    }

    @Test
    void everyHeadKindLearnsAPlantedRule() {
        int[] ytr = new int[600], ydev = new int[200];
        Features tr = synthetic(600, 1, ytr), dev = synthetic(200, 2, ydev);
        for (String kind : new String[] {"linear", "mlp", "gru"}) {
            Head head = HeadSpec.of(kind).withWidth(kind.equals("linear") ? 1 : 16).build(8, 2, 3);
            HeadTrainer.Result r = HeadTrainer.train(head, tr, ytr, dev, ydev, new HeadTrainer.Config(kind.equals("gru") ? 6 : 10, 32, 1e-2, 0, 4), TrainListener.NONE);
            assertTrue(r.bestDevAccuracy() > 0.93, kind + " reached only " + r.bestDevAccuracy());
            assertEquals(r.bestDevAccuracy(), HeadTrainer.accuracy(head, dev, ydev, 64), 1e-9, kind + ": the best epoch's weights are restored");
        }
    }

    @Test
    void savedHeadPredictsTheSame(@TempDir Path dir) throws Exception {
        int[] y = new int[100];
        Features f = synthetic(100, 5, y);
        Head head = HeadSpec.of("mlp").withWidth(12).build(8, 2, 6);
        HeadTrainer.train(head, f, y, f, y, new HeadTrainer.Config(2, 16, 1e-2, 0, 7), TrainListener.NONE);
        new HeadFile(head, "minilm", "mean", new String[] {"negative", "positive"}).save(dir.resolve("h.safetensors"));
        HeadFile back = HeadFile.load(dir.resolve("h.safetensors"));
        assertEquals("mlp", back.head().kind());
        assertEquals("minilm", back.model());
        assertArrayEquals(HeadTrainer.predict(head, f, 30), HeadTrainer.predict(back.head(), f, 30));
        float[][] p = HeadTrainer.probabilities(back.head(), f);
        assertEquals(1.0, p[0][0] + p[0][1], 1e-6);
    }
}
