package io.genai4j.models.translation;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.GradClip;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.engine.util.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training loop shared by the RNN seq2seq and the Transformer, so that the two are compared on
 * the same footing: same batches (same seed), same CPU-time budget, Adam(W), gradient-norm
 * clipping, a learning rate from a schedule, teacher forcing. CPU time is counted around the
 * training steps only (validation and checkpoints are outside the budget).
 */
public final class TranslationTrainer {
    /** One validation point: step, CPU seconds of training so far, mean train loss since the last point, val loss. */
    public record Point(int step, double cpuSeconds, double trainLoss, double valLoss) {}

    public record Result(int steps, double epochs, double cpuSeconds, double wallSeconds, double valLoss, long targetTokens, List<Point> curve) {
        public double cpuMinutes() {
            return cpuSeconds / 60;
        }
    }

    /** Called after every validation (e.g. to write the checkpoint). */
    @FunctionalInterface
    public interface Checkpointer {
        void save(Result soFar) throws IOException;
    }

    private final TranslationModel model;
    private final SharedVocab vocab;
    private final TrainSettings s;

    public TranslationTrainer(TranslationModel model, SharedVocab vocab, TrainSettings settings) {
        this.model = model;
        this.vocab = vocab;
        this.s = settings;
    }

    public Result train(ParallelCorpus data, Checkpointer checkpointer) throws IOException {
        Batches batches = new Batches(data.train(), vocab, s.batchSize(), s.seed());
        List<Batch> val = Batches.fixed(ParallelCorpus.sample(data.val(), s.valPairs(), s.seed()), vocab, 64);
        AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(model.module().namedParameters(), s.weightDecay()),
                s.schedule().lr(0), s.beta1(), s.beta2(), s.eps());
        List<Point> curve = new ArrayList<>();
        long budget = (long) (s.cpuMinutes() * 60e9), cpu = 0, wall0 = System.nanoTime(), tokens = 0;
        int step = 0;
        double sinceLoss = 0;
        int sinceSteps = 0;
        double lastVal = Double.NaN;
        boolean byCpu = budget > 0;
        long total = byCpu ? Math.round(s.cpuMinutes() * 60) : s.maxSteps();
        try (Progress bar = new Progress("train", total)) {
            if (byCpu) bar.rate("cpu-s", 1);
            while ((s.maxSteps() == 0 || step < s.maxSteps()) && (!byCpu || cpu < budget)) {
                long c0 = CpuClock.processNanos();
                Batch b = batches.next();
                model.module().train(true);
                opt.setLearningRate(s.schedule().lr(step));
                Tensor loss = model.loss(b, s.labelSmoothing());
                TrainingDiverged.check(loss.item(), "step " + (step + 1));
                opt.zeroGrad();
                loss.backward();
                GradClip.clipGradNorm(opt.params(), s.gradClip());
                opt.step();
                cpu += CpuClock.processNanos() - c0;
                step++;
                tokens += b.targetTokens();
                sinceLoss += loss.item();
                sinceSteps++;
                boolean last = (s.maxSteps() > 0 && step >= s.maxSteps()) || (byCpu && cpu >= budget);
                if (step % s.evalEvery() == 0 || last) {
                    lastVal = TrainingDiverged.check(validate(val), "the validation at step " + step);
                    curve.add(new Point(step, cpu / 1e9, sinceLoss / sinceSteps, lastVal));
                    System.err.printf(Locale.ROOT, "%nstep %d (%.1f CPU-min, epoch %.2f): train loss %.4f, val loss %.4f%n",
                            step, cpu / 60e9, batches.epochsDone(), sinceLoss / sinceSteps, lastVal);
                    sinceLoss = 0;
                    sinceSteps = 0;
                    if (checkpointer != null) {
                        checkpointer.save(new Result(step, batches.epochsDone(), cpu / 1e9, (System.nanoTime() - wall0) / 1e9, lastVal, tokens, List.copyOf(curve)));
                    }
                }
                bar.update(byCpu ? Math.min(total, cpu / 1_000_000_000L) : step,
                        String.format(Locale.ROOT, "step %d  loss %.3f  lr %.2e", step, loss.item(), opt.learningRate()));
            }
        }
        return new Result(step, batches.epochsDone(), cpu / 1e9, (System.nanoTime() - wall0) / 1e9, lastVal, tokens, List.copyOf(curve));
    }

    /** Mean cross-entropy per target token on the validation batches (no label smoothing). */
    public double validate(List<Batch> val) {
        model.module().eval();
        double sum = 0;
        long n = 0;
        try (Grad g = Grad.off()) {
            for (Batch b : val) {
                sum += model.loss(b, 0f).item() * b.targetTokens();
                n += b.targetTokens();
            }
        }
        model.module().train(true);
        return sum / Math.max(1, n);
    }
}
