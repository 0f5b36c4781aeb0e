package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.generative.ShuffledBatches;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import io.genai4j.models.train.TrainingRun;

/**
 * Trains ε-prediction (Ho et al. 2020, alg. 1) on the shared {@link TrainLoop}: for data rows x_0
 * (already scaled), draw t ~ U{1..T} and ε ~ N(0, I) per row and minimise ‖ε − ε_θ(x_t, t, c)‖² averaged
 * over the elements, where c is what the {@link Denoising} model makes of the rows' labels (none for an
 * unconditional model; for classifier-free guidance, the labels with some dropped to the null class).
 * Validation: the same loss on held-out rows with t, ε and the dropped labels from a fixed seed.
 */
public final class DiffusionTrainer {
    /** maxSteps or cpuSeconds bounds the run. */
    public record Settings(int batchSize, double lr, int maxSteps, double cpuSeconds, int evalEvery, long seed) {
        public Settings {
            TrainingRun.check(batchSize, evalEvery, maxSteps, cpuSeconds);
        }
    }

    public record Result(int steps, double cpuSeconds, double lastValLoss) {}

    /** Rows x_0 [N, ...] (already scaled) and their labels (null when unlabelled). */
    public record Data(Tensor x0, int[] labels) {
        public Data {
            if (labels != null && labels.length != x0.size(0)) throw new IllegalArgumentException(labels.length + " labels for " + x0.size(0) + " rows");
        }

        public static Data of(Tensor x0) {
            return new Data(x0, null);
        }

        Data rows(int[] idx) {
            int[] l = null;
            if (labels != null) {
                l = new int[idx.length];
                for (int i = 0; i < idx.length; i++) l[i] = labels[idx[i]];
            }
            return new Data(F.indexSelect(x0, 0, idx), l);
        }
    }

    private DiffusionTrainer() {}

    public static <M extends Module & Denoising> Result train(M model, Data train, Data val, Settings s, TrainListener listener) {
        AdamW opt = TrainingRun.adam(model, s.lr());
        LrSchedule schedule = TrainingRun.schedule(s.lr(), s.maxSteps(), 100);
        Rng rng = new Rng(s.seed());
        ShuffledBatches batches = new ShuffledBatches(train.x0().size(0), s.batchSize(), rng.split());
        model.train(true);
        double[] lastVal = {Double.NaN};
        TrainTask task = new OptimizerTask(opt) {
            @Override
            public Batch loss(int step) {
                int[] idx = batches.next();
                return Batch.of(DiffusionTrainer.loss(model, train.rows(idx), rng), idx.length);
            }

            @Override
            public Score evaluate(int done, double meanTrainLoss) {
                lastVal[0] = validationLoss(model, val, s.seed());
                return new Score(meanTrainLoss, lastVal[0]);
            }
        };
        TrainLoop.Settings settings = TrainingRun.loop(s.maxSteps(), s.cpuSeconds(), schedule, s.evalEvery());
        TrainEvent.Done d = new TrainLoop(task, settings, listener).runInMemory();
        model.eval();
        return new Result(d.steps(), d.cpuSeconds(), lastVal[0]);
    }

    /** The ε-prediction loss of the rows with t and ε (and the dropped labels) drawn from rng. */
    public static Tensor loss(Denoising model, Data rows, Rng rng) {
        Tensor x0 = rows.x0();
        int b = x0.size(0), steps = model.schedule().steps();
        int[] t = new int[b];
        for (int i = 0; i < b; i++) t[i] = 1 + rng.nextInt(steps);
        Tensor eps = Tensor.randn(rng, x0.shape());
        int[] classes = model.trainingClasses(rows.labels(), rng);
        Tensor diff = model.predictNoise(model.schedule().noised(x0, t, eps), t, classes).sub(eps);
        return diff.mul(diff).mean();
    }

    /** The loss on held-out rows, reproducible (t and ε from the seed), no graph. */
    public static <M extends Module & Denoising> double validationLoss(M model, Data val, long seed) {
        boolean was = model.isTraining();
        model.eval();
        try (Grad g = Grad.off()) {
            return loss(model, val, new Rng(seed)).item();
        } finally {
            model.train(was);
        }
    }
}
