package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.ops.F;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import java.io.IOException;
import java.io.UncheckedIOException;
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
            if (batchSize < 1 || evalEvery < 1 || trainScenes < 1) throw new IllegalArgumentException("--batch-size, --eval-every and --train-scenes must be >= 1");
            if (maxSteps < 0 || cpuSeconds < 0 || (maxSteps == 0 && cpuSeconds == 0)) throw new IllegalArgumentException("a run needs --max-steps or --cpu-seconds > 0");
            if (qaFraction < 0 || qaFraction > 1) throw new IllegalArgumentException("--qa-fraction must be in [0, 1], got " + qaFraction);
        }
    }

    /** How the run went: updates, CPU and wall seconds of the steps, first and last training-batch loss, last validation loss. */
    public record Result(int steps, double cpuSeconds, double wallSeconds, double firstLoss, double lastLoss, double valLoss) {}

    private CaptionTrainer() {}

    public static Result train(Git model, SceneGenerator train, SceneGenerator val, int valScenes, Settings s, TrainListener listener) {
        CaptionVocabulary vocab = new CaptionVocabulary();
        AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(model.namedParameters(), s.weightDecay()), s.lr(), 0.9, 0.999, 1e-8);
        int warmup = Math.min(200, Math.max(1, s.maxSteps() / 10));
        LrSchedule schedule = s.maxSteps() > 0 ? LrSchedule.warmupCosine(s.lr(), s.lr() / 10, warmup, s.maxSteps())
                : step -> s.lr() * Math.min(1.0, (step + 1.0) / warmup);
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
        TrainTask task = new TrainTask() {
            @Override
            public AdamW optimizer() {
                return opt;
            }

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
        TrainLoop.Settings settings = new TrainLoop.Settings(s.maxSteps(), s.cpuSeconds() / 60, schedule, 1.0, 1,
                EvalWhen.every(s.evalEvery()), Goal.MINIMIZE, SaveWhen.ON_BEST);
        double[] first = {Double.NaN}, last = {Double.NaN}, lastVal = {Double.NaN};
        TrainLoop loop = new TrainLoop(task, settings, e -> {
            if (e instanceof TrainEvent.Step st) {
                if (Double.isNaN(first[0])) first[0] = st.loss();
                last[0] = st.loss();
            }
            if (e instanceof TrainEvent.Eval ev) lastVal[0] = ev.val();
            listener.on(e);
        });
        TrainEvent.Done d;
        try {
            d = loop.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);                          // nothing is saved during the run: cannot happen
        }
        model.eval();
        return new Result(d.steps(), d.cpuSeconds(), d.stepSeconds(), first[0], last[0], lastVal[0]);
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
