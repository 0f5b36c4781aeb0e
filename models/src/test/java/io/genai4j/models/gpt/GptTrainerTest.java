package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptTrainerTest {
    private static final String TEXT = "To be, or not to be, that is the question:\n".repeat(40)
            + "Whether 'tis nobler in the mind to suffer\n".repeat(20);

    private static TrainConfig config(int maxIters, long seed) {
        return new TrainConfig(4, maxIters, maxIters, 3e-3, 3e-4, 5, 10, 2, 0.1, 0.9, 0.99, 1.0, seed);
    }

    @Test
    void trainsCheckpointsTheBestValLossAndIsDeterministic(@TempDir Path dir) throws Exception {
        Corpus corpus = new Corpus("toy", TEXT);
        GptData data = GptData.of(corpus, CharTokenizer.fit(TEXT));
        GptConfig c = new GptConfig(1, 2, 16, 16, data.tokenizer().vocabSize(), 0f, false);
        GptTrainer.Result a = new GptTrainer(new Gpt(c, new Rng(1)), data, config(30, 7), dir.resolve("a")).train();
        GptTrainer.Result b = new GptTrainer(new Gpt(c, new Rng(1)), data, config(30, 7), dir.resolve("b")).train();
        // Same seed, same batches, init and masks; results agree to float rounding (the Vector API's
        // exp differs by an ulp between interpreted and compiled code, so a cold and a warm JVM differ).
        assertEquals(a.bestValLoss(), b.bestValLoss(), 1e-5, "same seed, same run");
        assertTrue(a.evals().get(a.evals().size() - 1).val() < a.evals().get(0).val(), "validation loss went down");
        for (String f : new String[] {"model.safetensors", "config.json", "optimizer.safetensors"}) {   // loss.png is drawn by the CLI
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(f)), f);
        }
        assertEquals(a.bestValLoss(), ((Number) GptCheckpoint.load(dir.resolve("a")).train().get("best_val_loss")).doubleValue(), 1e-12);
    }

    @Test
    void resumeContinuesFromTheSavedIteration(@TempDir Path dir) throws Exception {
        Corpus corpus = new Corpus("toy", TEXT);
        GptData data = GptData.of(corpus, CharTokenizer.fit(TEXT));
        GptConfig c = new GptConfig(1, 2, 16, 16, data.tokenizer().vocabSize(), 0f, false);
        new GptTrainer(new Gpt(c, new Rng(1)), data, config(20, 3), dir).train();
        GptCheckpoint ck = GptCheckpoint.load(dir);
        int savedIter = ((Number) ck.train().get("iter")).intValue();
        GptTrainer resumed = new GptTrainer(ck.model(), data, config(40, 3), dir);
        resumed.resumeFrom(dir);
        GptTrainer.Result r = resumed.train();
        assertEquals(41, r.iters());
        // The evaluations of the first run are kept and the new ones continue after them.
        assertEquals(savedIter, r.evals().stream().filter(e -> e.step() == savedIter).findFirst().orElseThrow().step());
        assertTrue(r.evals().get(r.evals().size() - 1).step() == 40);
    }
}
