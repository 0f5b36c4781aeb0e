package io.genai4j.models.gpt;

import io.genai4j.engine.Rng;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training process that {@link CheckpointKillTest} kills: `genai gpt train` in miniature (a
 * one-block GPT on a toy text), checkpointing at almost every iteration through the real
 * GptTrainer/GptCheckpoint/CheckpointDir path, and resuming like `--resume` when the folder holds a
 * checkpoint. Not a test itself (no Test suffix): it runs in a child JVM.
 */
public final class GptKillChild {
    static final String TEXT = "To be, or not to be, that is the question:\n".repeat(40)
            + "Whether 'tis nobler in the mind to suffer\n".repeat(20);

    private GptKillChild() {}

    static GptData data() {
        return GptData.of(new Corpus("toy", TEXT), CharTokenizer.fit(TEXT));
    }

    /** Evaluates (and so may checkpoint) every iteration; one batch per estimate keeps that cheap. */
    static TrainConfig config(int maxIters) {
        return new TrainConfig(2, maxIters, 100_000, 3e-3, 3e-4, 0, 1, 1, 0.1, 0.9, 0.99, 1.0, 3);
    }

    /** args: the checkpoint folder, the number of iterations to run. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int iters = Integer.parseInt(args[1]);
        GptData data = data();
        GptTrainer trainer;
        if (Files.isRegularFile(dir.resolve(GptCheckpoint.CONFIG))) {
            GptCheckpoint ck = GptCheckpoint.load(dir);
            int from = ((Number) ck.train().get("iter")).intValue();
            trainer = new GptTrainer(ck.model(), data, config(from + iters), dir);
            trainer.resumeFrom(dir);
        } else {
            trainer = new GptTrainer(new Gpt(new GptConfig(1, 2, 16, 16, data.tokenizer().vocabSize(), 0f, false), new Rng(1)), data, config(iters), dir);
        }
        trainer.train();
    }
}
