package io.genai4j.models.vae;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.generative.ShuffledBatches;
import io.genai4j.models.train.BestWeights;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import io.genai4j.models.train.TrainingRun;
import io.genai4j.models.vision.Images;
import java.util.List;

/**
 * Trains a {@link ConvVae} on the shared {@link TrainLoop}: shuffled mini-batches, loss = −ELBO per
 * image (reconstruction + β·KL), Adam with a short warm-up then cosine decay (or constant under a CPU
 * budget), validation −ELBO every {@code evalEvery} updates with the best weights kept and restored.
 */
public final class VaeTrainer {
    /** maxSteps or cpuSeconds bounds the run (0 = no bound; at least one must be set). */
    public record Settings(int batchSize, double lr, int maxSteps, double cpuSeconds, int evalEvery, float beta, long seed) {
        public Settings {
            TrainingRun.check(batchSize, evalEvery, maxSteps, cpuSeconds);
            if (!(beta >= 0)) throw new IllegalArgumentException("--beta must be >= 0, got " + beta);
        }
    }

    /** How the run went: updates, training CPU seconds, best validation −ELBO (nats/image) and when. */
    public record Result(int steps, double cpuSeconds, double bestValNegativeElbo, int bestStep) {}

    private VaeTrainer() {}

    public static Result train(ConvVae vae, Images train, Images val, Settings s, TrainListener listener) {
        AdamW opt = TrainingRun.adam(vae, s.lr());
        LrSchedule schedule = TrainingRun.schedule(s.lr(), s.maxSteps(), 50);
        Rng rng = new Rng(s.seed());
        ShuffledBatches batches = new ShuffledBatches(train.size(), s.batchSize(), rng.split());
        BestWeights best = new BestWeights(vae);
        vae.train(true);
        TrainTask task = new OptimizerTask(opt) {
            @Override
            public Batch loss(int step) {
                Tensor x = train.batch(batches.next());
                return Batch.of(Elbo.of(vae.forward(x, rng), x, s.beta()).loss(), x.size(0));
            }

            @Override
            public Score evaluate(int done, double meanTrainLoss) {
                double v = VaeEvaluation.score(vae, val, s.seed()).negativeElbo();
                return new Score(meanTrainLoss, v);
            }

            @Override
            public boolean save(int done, double bestSoFar, List<TrainEvent.Eval> history) {
                best.keep(done);
                return false;                                           // kept in memory, nothing written
            }
        };
        TrainLoop.Settings settings = TrainingRun.loop(s.maxSteps(), s.cpuSeconds(), schedule, s.evalEvery());
        TrainLoop loop = new TrainLoop(task, settings, listener);
        TrainEvent.Done d = loop.runInMemory();
        best.restore();
        vae.eval();
        return new Result(d.steps(), d.cpuSeconds(), loop.best(), best.step());
    }
}
