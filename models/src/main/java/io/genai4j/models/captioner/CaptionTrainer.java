package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.train.LossTrace;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import io.genai4j.models.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the captioner with the shared {@link TrainLoop} under GIT's single loss: each batch mixes
 * captions and question/answer texts of random training scenes (a fraction {@code qaFraction} are
 * questions), the cross-entropy is taken over every counted text position, AdamW with warm-up and
 * cosine decay. Validation: the same loss on fixed scenes of the seen-combination split.
 */
public final class CaptionTrainer {
    /** maxSteps or cpuSeconds bounds the run (0 = no bound; at least one set); trainScenes distinct scenes are drawn from. */
    public record Settings(int batchSize, double lr, double weightDecay, int maxSteps, double cpuSeconds, int evalEvery,
                           int trainScenes, double qaFraction, long seed) {
        public Settings {
            TrainingRun.check(batchSize, evalEvery, maxSteps, cpuSeconds);
            if (trainScenes < 1) throw new IllegalArgumentException("--train-scenes must be >= 1, got " + trainScenes);
            if (qaFraction < 0 || qaFraction > 1) throw new IllegalArgumentException("--qa-fraction must be in [0, 1], got " + qaFraction);
        }
    }

    /** How the run went: updates, CPU and wall seconds of the steps, first and last training-batch loss, last validation loss. */
    public record Result(int steps, double cpuSeconds, double wallSeconds, double firstLoss, double lastLoss, double valLoss) {}

    private CaptionTrainer() {}

    public static Result train(Git model, SceneGenerator train, SceneGenerator val, int valScenes, Settings s, TrainListener listener) {
        CaptionVocabulary vocab = new CaptionVocabulary();
        AdamW opt = TrainingRun.adamW(model, s.lr(), s.weightDecay());
        LrSchedule schedule = TrainingRun.schedule(s.lr(), s.maxSteps(), 200);
        Rng rng = new Rng(s.seed());
        List<Scene> valSet = new ArrayList<>();
        List<TextExample> valTexts = new ArrayList<>();
        Rng valRng = new Rng(s.seed() + 1);
        for (int i = 0; i < valScenes; i++) {
            Scene sc = val.scene(i);
            valSet.add(sc);
            valTexts.add(example(vocab, sc, s.qaFraction(), valRng));
        }
        model.train(true);
        TrainTask task = new OptimizerTask(opt) {
            @Override
            public Batch loss(int step) {
                List<Scene> scenes = new ArrayList<>();
                List<TextExample> texts = new ArrayList<>();
                for (int i = 0; i < s.batchSize(); i++) {
                    Scene sc = train.scene(rng.nextInt(s.trainScenes()));
                    scenes.add(sc);
                    texts.add(example(vocab, sc, s.qaFraction(), rng));
                }
                return Batch.of(lmLoss(model, scenes, texts), scenes.size());
            }

            @Override
            public Score evaluate(int done, double meanTrainLoss) {
                double v = Double.NaN;
                if (!valSet.isEmpty()) {
                    try (var g = Grad.off()) {
                        v = lmLoss(model, valSet, valTexts).item();
                    }
                }
                return new Score(meanTrainLoss, v);
            }
        };
        LossTrace trace = new LossTrace(listener);
        TrainEvent.Done d = new TrainLoop(task, TrainingRun.loop(s.maxSteps(), s.cpuSeconds(), schedule, s.evalEvery()), trace).runInMemory();
        model.eval();
        return new Result(d.steps(), d.cpuSeconds(), d.stepSeconds(), trace.first(), trace.last(), trace.lastVal());
    }

    /** A caption, or with probability qaFraction one of the scene's questions, as a training text. */
    static TextExample example(CaptionVocabulary vocab, Scene scene, double qaFraction, Rng rng) {
        if (rng.nextDouble() < qaFraction) {
            List<QuestionAnswer> qa = CaptionGrammar.questions(scene);
            return TextExample.question(vocab, qa.get(rng.nextInt(qa.size())));
        }
        return TextExample.caption(vocab, CaptionGrammar.caption(scene));
    }

    /** GIT's loss: mean cross-entropy of the next word over the counted text positions of the batch. */
    public static Tensor lmLoss(Git model, List<Scene> scenes, List<TextExample> texts) {
        TextExample.Batch b = TextExample.pad(texts);
        Tensor logits = model.forward(model.imageTokens(CaptionBatch.images(scenes)), b.input(), b.rows(), b.length(), false).logits();
        return F.crossEntropy(logits.reshape(b.rows() * b.length(), -1), b.target(), TextExample.IGNORE, 0f);
    }
}
