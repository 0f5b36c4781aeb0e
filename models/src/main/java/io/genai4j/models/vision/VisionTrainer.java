package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.train.BestWeights;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.LossTrace;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import io.genai4j.models.train.TrainingRun;
import java.util.List;

/**
 * Trains a classifier with the shared {@link TrainLoop}: mini-batches drawn epoch by epoch from a
 * fresh shuffle, each image augmented anew (if asked), cross-entropy, AdamW with a linear warm-up
 * (then cosine decay when the run is bounded by steps, constant when bounded by CPU time), validation
 * accuracy every {@code evalEvery} updates. The weights with the best validation accuracy are kept
 * in memory and restored at the end: small training sets overfit, and early stopping on the
 * validation set is the fair way to compare two models on them.
 */
public final class VisionTrainer {
    /** Every update's gradients are clipped to this global norm. */
    public static final double GRAD_CLIP = 1.0;

    /** maxSteps or cpuSeconds bounds the run (0 = no bound; at least one must be set). */
    public record Settings(int batchSize, double lr, double weightDecay, int maxSteps, double cpuSeconds, int evalEvery,
                           Augmentation augmentation, long seed) {
        public Settings {
            TrainingRun.check(batchSize, evalEvery, maxSteps, cpuSeconds);
        }
    }

    /** How the run went: updates, epochs, training CPU and wall seconds, best validation accuracy and when. */
    public record Result(int steps, double epochs, double cpuSeconds, double wallSeconds, double bestValAccuracy, int bestStep, double lastLoss) {}

    private VisionTrainer() {}

    public static Result train(VisionModel model, Images train, Images val, Settings s, TrainListener listener) {
        if (train.size() == 0) throw new IllegalArgumentException("no training images");
        AdamW opt = optimizer(model, s.lr(), s.weightDecay());
        LrSchedule schedule = TrainingRun.schedule(s.lr(), s.maxSteps(), 100);
        Rng rng = new Rng(s.seed());
        model.train(true);
        BestWeights best = new BestWeights(model);
        TrainTask task = new OptimizerTask(opt) {
            private int[] order = new int[0];
            private int next;
            private final int p = train.pixelsPerImage();

            @Override
            public Batch loss(int step) {
                int b = Math.min(s.batchSize(), train.size());
                float[] px = new float[b * p];
                int[] y = new int[b];
                for (int i = 0; i < b; i++) {
                    if (next == order.length) {
                        order = Mnist.permutation(train.size(), rng);
                        next = 0;
                    }
                    int k = order[next++];
                    s.augmentation().apply(train.pixels(), k * p, train.height(), train.width(), px, i * p, rng);
                    y[i] = train.labels()[k];
                }
                Tensor logits = model.forward(Tensor.of(px, b, 1, train.height(), train.width()));
                return Batch.of(F.crossEntropy(logits, y), b);
            }

            @Override
            public Score evaluate(int done, double meanTrainLoss) {
                double acc = VisionEvaluation.accuracy(model, val);
                model.train(true);
                return new Score(meanTrainLoss, acc);
            }

            @Override
            public boolean save(int done, double bestSoFar, List<TrainEvent.Eval> history) {
                best.keep(done);
                return false;                                           // kept in memory, nothing written
            }
        };
        TrainLoop.Settings settings = new TrainLoop.Settings(s.maxSteps(), s.cpuSeconds() / 60, schedule, GRAD_CLIP, 1,
                EvalWhen.every(s.evalEvery()), Goal.MAXIMIZE, SaveWhen.ON_BEST);
        LossTrace trace = new LossTrace(listener);
        TrainLoop loop = new TrainLoop(task, settings, trace);
        TrainEvent.Done d = loop.runInMemory();
        best.restore();
        model.eval();
        double epochs = (double) d.items() / train.size();
        return new Result(d.steps(), epochs, d.cpuSeconds(), d.stepSeconds(), loop.best(), best.step(), trace.last());
    }

    /** The lesson's optimizer: AdamW (β 0.9, 0.999, ε 1e-8), weight decay on tensors of rank ≥ 2 only; the PyTorch peer builds the same. */
    public static AdamW optimizer(VisionModel model, double lr, double weightDecay) {
        return TrainingRun.adamW(model, lr, weightDecay);
    }
}
