package io.genai4j.models.captioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.models.train.TrainListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tiny captioner learns (the loss falls), and greedy and beam decoding agree on what it learned. */
class CaptionTrainerTest {
    @Test
    void aShortRunLowersTheLossAndDecodes() {
        GitConfig c = new GitConfig(56, 14, 32, 1, 1, 2, 64, new CaptionVocabulary().size(), 24);
        Git model = new Git(c, new Rng(1));
        SceneGenerator train = new SceneGenerator(TinyDigits.pool(40, 1), SceneGenerator.Split.TRAIN, 1);
        SceneGenerator val = new SceneGenerator(TinyDigits.pool(20, 2), SceneGenerator.Split.TRAIN, 1);
        CaptionTrainer.Settings s = new CaptionTrainer.Settings(12, 3e-3, 0.0, 40, 0, 20, 200, 0.3, 1);
        CaptionTrainer.Result r = CaptionTrainer.train(model, train, val, 8, s, TrainListener.NONE);
        assertEquals(40, r.steps());
        assertTrue(r.lastLoss() < 0.6 * r.firstLoss(), "loss " + r.firstLoss() + " → " + r.lastLoss());

        Scene scene = val.scene(0);
        var image = CaptionBatch.images(List.of(scene));
        int[] bos = {CaptionVocabulary.BOS};
        int[] greedy = CaptionDecoder.greedy(model, image, List.of(bos)).getFirst();
        assertEquals(List.of(greedy.length), List.of(CaptionDecoder.greedy(model, image, List.of(bos)).getFirst().length), "greedy is deterministic");
        String beam1 = new CaptionVocabulary().decode(CaptionDecoder.beam(model, image, bos, 1));
        assertEquals(new CaptionVocabulary().decode(greedy), beam1, "a beam of one is greedy decoding");
        assertTrue(greedy.length > 0 && greedy.length < c.maxText());
        float[][][] maps = WordAttention.maps(model, image, bos, greedy);
        assertEquals(greedy.length, maps.length);
        for (float[][] m : maps) {
            double sum = 0;
            for (float[] row : m) for (float v : row) sum += v;
            assertTrue(sum > 0 && sum <= 1 + 1e-5, "attention mass on the patches " + sum);
        }
    }
}
