package io.genai4j.models.train;

import io.genai4j.engine.nn.Module;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;

/**
 * How the image trainers (vision, captioner, VAE, GAN, diffusion) set up a run on the shared
 * TrainLoop: settings bounded by steps or CPU seconds, Adam without weight decay, a linear warm-up
 * then cosine decay to a tenth when the run is bounded by steps (constant after the warm-up under a
 * CPU budget, whose length is unknown), a loss to minimise evaluated every N updates.
 */
public final class TrainingRun {
    private TrainingRun() {}

    /** The checks every run's settings share. */
    public static void check(int batchSize, int evalEvery, int maxSteps, double cpuSeconds) {
        if (batchSize < 1 || evalEvery < 1) throw new IllegalArgumentException("--batch-size and --eval-every must be >= 1");
        if (maxSteps < 0 || cpuSeconds < 0 || (maxSteps == 0 && cpuSeconds == 0)) throw new IllegalArgumentException("a run needs --max-steps or --cpu-seconds > 0");
    }

    public static AdamW adam(Module model, double lr) {
        return adamW(model, lr, 0);
    }

    /** AdamW (β 0.9, 0.999, ε 1e-8) with weight decay on tensors of rank ≥ 2 only. */
    public static AdamW adamW(Module model, double lr, double weightDecay) {
        return new AdamW(ParamGroup.decayMatricesOnly(model.namedParameters(), weightDecay), lr, 0.9, 0.999, 1e-8);
    }

    /** Warm-up over a tenth of the steps, at most {@code warmupCap}. */
    public static LrSchedule schedule(double lr, int maxSteps, int warmupCap) {
        int warmup = Math.min(warmupCap, Math.max(1, maxSteps / 10));
        return maxSteps > 0 ? LrSchedule.warmupCosine(lr, lr / 10, warmup, maxSteps) : step -> lr * Math.min(1.0, (step + 1.0) / warmup);
    }

    /** Loop settings: gradient clipping at 1, evaluation every {@code evalEvery}, lower is better, save on best. */
    public static TrainLoop.Settings loop(int maxSteps, double cpuSeconds, LrSchedule schedule, int evalEvery) {
        return new TrainLoop.Settings(maxSteps, cpuSeconds / 60, schedule, 1.0, 1, EvalWhen.every(evalEvery), Goal.MINIMIZE, SaveWhen.ON_BEST);
    }
}
