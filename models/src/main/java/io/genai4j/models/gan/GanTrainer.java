package io.genai4j.models.gan;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.models.generative.ShuffledBatches;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import io.genai4j.models.train.TrainingRun;
import io.genai4j.models.vision.Images;
import java.util.function.Consumer;

/**
 * Trains a {@link Gan} on the shared {@link TrainLoop}. Each update is one discriminator step then one
 * generator step on fresh noise: the loop owns the generator's optimizer and steps it on the loss
 * {@link TrainTask#loss} returns; the discriminator's step happens inside {@code loss}, before the
 * generator's forward pass, with its own optimizer (so both count in the CPU time of the update).
 * Both optimizers are Adam with β1 = 0.5 (DCGAN: the default 0.9 carries too much momentum into a
 * moving target), constant learning rate, no gradient clipping. There is no validation figure to
 * select on, so the last weights are kept; every {@code snapshotEvery} updates (and before the first)
 * a {@link GanSnapshot} of a fixed noise batch is emitted.
 */
public final class GanTrainer {
    /** maxSteps or cpuSeconds bounds the run (0 = no bound; at least one must be set). */
    public record Settings(int batchSize, double lr, int maxSteps, double cpuSeconds, int snapshotEvery, int snapshotImages,
                           float realTarget, long seed) {
        public Settings {
            if (snapshotEvery < 1 || snapshotImages < 1) throw new IllegalArgumentException("--snapshot-every and --snapshot-images must be >= 1, got " + snapshotEvery + " and " + snapshotImages);
            TrainingRun.check(batchSize, snapshotEvery, maxSteps, cpuSeconds);
            if (!(realTarget > 0.5f && realTarget <= 1f)) throw new IllegalArgumentException("--real-label must be in (0.5, 1], got " + realTarget);
        }
    }

    /** How the run went: updates, training CPU seconds, and the last snapshot's figures. */
    public record Result(int steps, double cpuSeconds, GanSnapshot last) {}

    public static final double BETA1 = 0.5;

    private GanTrainer() {}

    static AdamW adam(io.genai4j.engine.nn.Module m, double lr) {
        return new AdamW(ParamGroup.decayMatricesOnly(m.namedParameters(), 0), lr, BETA1, 0.999, 1e-8);
    }

    public static Result train(Gan gan, Images train, Settings s, TrainListener listener, Consumer<GanSnapshot> snapshots) {
        AdamW gOpt = adam(gan.generator, s.lr()), dOpt = adam(gan.discriminator, s.lr());
        Rng rng = new Rng(s.seed());
        Tensor fixedNoise = Tensor.randn(rng.split(), s.snapshotImages(), gan.config.latent());
        ShuffledBatches batches = new ShuffledBatches(train.size(), s.batchSize(), rng.split());
        gan.train(true);
        Interval since = new Interval();
        GanSnapshot[] last = {snapshot(gan, 0, since, fixedNoise)};
        snapshots.accept(last[0]);
        TrainTask task = new OptimizerTask(gOpt) {
            @Override
            public Batch loss(int step) {
                Tensor real = Gan.toModelRange(train.batch(batches.next()));
                int b = real.size(0);
                dOpt.setLearningRate(gOpt.learningRate());
                dOpt.zeroGrad();
                Tensor fake = gan.generator.forward(Tensor.randn(rng, b, gan.config.latent())).detach();
                Tensor realLogits = gan.discriminator.forward(real), fakeLogits = gan.discriminator.forward(fake);
                Tensor dLoss = GanLosses.discriminator(realLogits, fakeLogits, s.realTarget());
                double d = TrainingDiverged.check(dLoss.item(), "step " + (step + 1) + " (discriminator)");
                dLoss.backward();
                dOpt.step();
                Tensor gLoss = GanLosses.generator(gan.discriminator.forward(gan.generator.forward(Tensor.randn(rng, b, gan.config.latent()))));
                since.add(d, gLoss.item(), realLogits.detach().sigmoid().mean().item(), fakeLogits.detach().sigmoid().mean().item());
                return Batch.of(gLoss, b);
            }

            @Override
            public Score evaluate(int done, double meanTrainLoss) {
                last[0] = snapshot(gan, done, since, fixedNoise);
                snapshots.accept(last[0]);
                return new Score(last[0].generatorLoss(), last[0].discriminatorLoss());
            }
        };
        LrSchedule constant = step -> s.lr();
        TrainLoop.Settings settings = new TrainLoop.Settings(s.maxSteps(), s.cpuSeconds() / 60, constant, 0, 1,
                io.genai4j.models.train.EvalWhen.every(s.snapshotEvery()), Goal.MINIMIZE, SaveWhen.ON_BEST);
        TrainEvent.Done d = new TrainLoop(task, settings, listener).runInMemory();
        gan.eval();
        return new Result(d.steps(), d.cpuSeconds(), last[0]);
    }

    private static GanSnapshot snapshot(Gan gan, int step, Interval since, Tensor fixedNoise) {
        GanSnapshot s = new GanSnapshot(step, since.mean(0), since.mean(1), since.mean(2), since.mean(3), gan.generate(fixedNoise));
        since.clear();
        return s;
    }

    /** Sums of the four figures since the last snapshot. */
    private static final class Interval {
        private final double[] sum = new double[4];
        private int n;

        void add(double dLoss, double gLoss, double dReal, double dFake) {
            sum[0] += dLoss;
            sum[1] += gLoss;
            sum[2] += dReal;
            sum[3] += dFake;
            n++;
        }

        double mean(int k) {
            return n == 0 ? Double.NaN : sum[k] / n;
        }

        void clear() {
            java.util.Arrays.fill(sum, 0);
            n = 0;
        }
    }
}
