package io.genai4j.cli.train;

import java.math.BigDecimal;
import picocli.CommandLine.Option;

/**
 * {@code --max-steps} and {@code --cpu-seconds}: how long a training command runs. It stops at
 * whichever bound it reaches first; 0 leaves a bound out. Each command gives its own default CPU
 * budget and the number of updates it runs when both bounds are left out, e.g.
 * {@code @Mixin StepBudget budget = new StepBudget(0, 3000);} (picocli shows the initial CPU budget
 * as the default, as with {@link io.genai4j.cli.SeedOption}).
 */
public final class StepBudget {
    @Option(names = "--max-steps", defaultValue = "0", description = "Updates (0 = bounded by --cpu-seconds only).")
    int maxSteps;
    @Option(names = "--cpu-seconds", description = "Process CPU seconds of training (0 = bounded by --max-steps only; default ${DEFAULT-VALUE}).")
    BigDecimal cpuSeconds;   // not a double: the help shows a default of 120 as "120", not "120.0"
    private final int stepsWithoutBound;

    /**
     * @param defaultCpuSeconds the CPU budget when --cpu-seconds is not given (0: none)
     * @param stepsWithoutBound the updates run when both bounds are 0 (0: the command needs one of them)
     */
    public StepBudget(long defaultCpuSeconds, int stepsWithoutBound) {
        this.cpuSeconds = BigDecimal.valueOf(defaultCpuSeconds);
        this.stepsWithoutBound = stepsWithoutBound;
    }

    /** The step limit, 0 for none: --max-steps, or the command's own count when neither bound is given. */
    public int maxSteps() {
        return maxSteps == 0 && cpuSeconds.signum() == 0 ? stepsWithoutBound : maxSteps;
    }

    /** The CPU-time limit of the training steps in seconds, 0 for none. */
    public double cpuSeconds() {
        return cpuSeconds.doubleValue();
    }

    /** The progress bar of this run: over the updates when there is a step limit, otherwise over the CPU seconds. */
    public TrainProgress progress(String unit, double perStep) {
        return TrainProgress.budget(maxSteps(), cpuSeconds(), unit, perStep);
    }
}
