package io.genai4j.models.translation;

import io.genai4j.engine.optim.LrSchedule;

/**
 * How long and how a translation model trains. Training stops at whichever comes first:
 * {@code cpuMinutes} of process CPU time spent in training steps (0 = no limit) or {@code maxSteps}
 * (0 = no limit); at least one must be set. Every {@code evalEvery} steps the loss on up to
 * {@code valPairs} validation pairs is measured (outside the budget) and the checkpoint written.
 */
public record TrainSettings(int batchSize, double cpuMinutes, int maxSteps, LrSchedule schedule, double beta1, double beta2,
                            double eps, double weightDecay, float labelSmoothing, double gradClip, int evalEvery, int valPairs,
                            long seed) {
    public TrainSettings {
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        if (cpuMinutes < 0 || maxSteps < 0) throw new IllegalArgumentException("--cpu-minutes and --max-steps must not be negative");
        if (cpuMinutes == 0 && maxSteps == 0) throw new IllegalArgumentException("give --cpu-minutes or --max-steps (or both)");
        if (evalEvery < 1) throw new IllegalArgumentException("--eval-every must be >= 1, got " + evalEvery);
        if (labelSmoothing < 0 || labelSmoothing >= 1) throw new IllegalArgumentException("--label-smoothing must be in [0, 1), got " + labelSmoothing);
    }
}
