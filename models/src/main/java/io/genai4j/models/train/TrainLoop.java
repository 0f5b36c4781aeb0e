package io.genai4j.models.train;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.GradClip;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.TrainingDiverged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop every trainer runs. Each update: learning rate from the schedule, {@code
 * accumulate} forward/backward passes whose gradients add up, the NaN-loss stop, gradient-norm
 * clipping, the optimizer step. Around the updates: an evaluation whenever the cadence says so (the
 * best validation figure is tracked and the task asked to save), and a stop at the step limit or
 * when the training steps have used the CPU-time budget (evaluations and saves are outside it, so
 * two models are compared on what their training cost).
 */
public final class TrainLoop {
    /**
     * How a run goes. {@code maxSteps}: the run stops once this many updates are done (0 = no
     * limit); {@code cpuMinutes}: process CPU time of the training steps (0 = no limit); {@code
     * gradClip} &lt;= 0 turns clipping off; {@code accumulate} micro-batches per update.
     */
    public record Settings(int maxSteps, double cpuMinutes, LrSchedule schedule, double gradClip, int accumulate,
                           EvalWhen evalWhen, Goal goal, SaveWhen saveWhen) {
        public Settings {
            if (maxSteps < 0 || cpuMinutes < 0) throw new IllegalArgumentException("the step limit and the CPU budget must not be negative");
            if (maxSteps == 0 && cpuMinutes == 0) throw new IllegalArgumentException("a run needs a step limit or a CPU budget");
            if (accumulate < 1) throw new IllegalArgumentException("gradient accumulation must be >= 1, got " + accumulate);
        }

        /** A run of {@code maxSteps} updates with no evaluation. */
        public static Settings steps(int maxSteps, LrSchedule schedule, double gradClip) {
            return new Settings(maxSteps, 0, schedule, gradClip, 1, EvalWhen.NEVER, Goal.MINIMIZE, SaveWhen.ON_BEST);
        }

        public Settings withEval(EvalWhen when, Goal goal, SaveWhen save) {
            return new Settings(maxSteps, cpuMinutes, schedule, gradClip, accumulate, when, goal, save);
        }

        public Settings withCpuMinutes(double minutes) {
            return new Settings(maxSteps, minutes, schedule, gradClip, accumulate, evalWhen, goal, saveWhen);
        }

        public Settings withAccumulate(int micro) {
            return new Settings(maxSteps, cpuMinutes, schedule, gradClip, micro, evalWhen, goal, saveWhen);
        }
    }

    private final TrainTask task;
    private final Settings s;
    private final TrainListener listener;
    private final List<TrainEvent.Eval> history = new ArrayList<>();
    private int done;
    private double best;

    public TrainLoop(TrainTask task, Settings settings, TrainListener listener) {
        this.task = task;
        this.s = settings;
        this.listener = listener == null ? TrainListener.NONE : listener;
        this.best = settings.goal().worst();
    }

    /** Continues a saved run: updates already done, its best validation figure and its evaluations. */
    public TrainLoop resume(int stepsDone, double bestSoFar, List<TrainEvent.Eval> evals) {
        done = stepsDone;
        best = bestSoFar;
        history.addAll(evals);
        return this;
    }

    public List<TrainEvent.Eval> history() {
        return List.copyOf(history);
    }

    public double best() {
        return best;
    }

    /**
     * {@link #run} for a task that writes no file (it saves nothing, or keeps its best weights in
     * memory, see {@link BestWeights}): no I/O can fail, so an IOException here is a bug.
     */
    public TrainEvent.Done runInMemory() {
        try {
            return run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TrainEvent.Done run() throws IOException {
        AdamW opt = task.optimizer();
        long budget = (long) (s.cpuMinutes() * 60e9), cpu = 0, stepNanos = 0, items = 0, wall0 = System.nanoTime();
        double sinceSum = 0, sinceWeight = 0;
        int started = done;
        while (true) {
            boolean last = (s.maxSteps() > 0 && done >= s.maxSteps()) || (budget > 0 && cpu >= budget);
            if (s.evalWhen().at(done, last)) {
                evaluate(sinceWeight > 0 ? sinceSum / sinceWeight : Double.NaN, cpu);
                sinceSum = 0;
                sinceWeight = 0;
            }
            if (last) break;
            long c0 = CpuClock.processNanos(), w0 = System.nanoTime();
            opt.setLearningRate(s.schedule().lr(done));
            opt.zeroGrad();
            double loss = 0;
            long stepItems = 0;
            double weight = 0;
            for (int micro = 0; micro < s.accumulate(); micro++) {
                TrainTask.Batch b = task.loss(done);
                double l = TrainingDiverged.check(b.loss().item(), task.where(done));
                // the mean over micro-batches is the gradient of one big batch; 1 micro-batch is left as is
                Tensor scaled = s.accumulate() == 1 ? b.loss() : b.loss().mul(1f / s.accumulate());
                scaled.backward();
                loss += l / s.accumulate();
                stepItems += b.items();
                weight += b.weight();
            }
            if (s.gradClip() > 0) GradClip.clipGradNorm(opt.params(), s.gradClip());
            opt.step();
            cpu += CpuClock.processNanos() - c0;
            stepNanos += System.nanoTime() - w0;
            done++;
            items += stepItems;
            sinceSum += loss * weight;
            sinceWeight += weight;
            listener.on(new TrainEvent.Step(done, loss, opt.learningRate(), stepItems, cpu / 1e9));
        }
        TrainEvent.Done end = new TrainEvent.Done(done - started, cpu / 1e9, stepNanos / 1e9, (System.nanoTime() - wall0) / 1e9, items, best);
        listener.on(end);
        return end;
    }

    private void evaluate(double meanTrainLoss, long cpu) throws IOException {
        TrainTask.Score score = task.evaluate(done, meanTrainLoss);
        boolean better = s.goal().better(score.val(), best);
        if (better) best = score.val();
        TrainEvent.Eval e = new TrainEvent.Eval(done, score.train(), score.val(), cpu / 1e9, better);
        history.add(e);
        listener.on(e);
        if ((better || s.saveWhen() == SaveWhen.EVERY_EVAL) && task.save(done, best, history())) {
            listener.on(new TrainEvent.Checkpoint(done, score.val()));
        }
    }
}
