package io.genai4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@link StepBudget}: each command's own defaults, and the fallback count only when both bounds are left out. */
class StepBudgetTest {
    @Command(name = "train")
    static final class Train {
        @Mixin StepBudget budget;

        Train(StepBudget budget) {
            this.budget = budget;
        }
    }

    /** The budget after parsing args, as a command declared with {@code budget} sees it. */
    private static StepBudget parsed(StepBudget budget, String... args) {
        Train t = new Train(budget);
        new CommandLine(t).parseArgs(args);
        return t.budget;
    }

    @Test
    void neitherBoundGivenRunsTheCommandsOwnCount() {
        StepBudget s = parsed(new StepBudget(0, 3000));
        assertEquals(3000, s.maxSteps());
        assertEquals(0, s.cpuSeconds());
    }

    @Test
    void aCpuBudgetAloneLeavesTheStepsUnbounded() {
        StepBudget s = parsed(new StepBudget(0, 3000), "--cpu-seconds", "0.5");
        assertEquals(0, s.maxSteps());
        assertEquals(0.5, s.cpuSeconds());
        assertEquals(50, parsed(new StepBudget(0, 3000), "--max-steps", "50").maxSteps());
    }

    @Test
    void aDefaultCpuBudgetIsABoundOfItsOwn() {
        assertEquals(0, parsed(new StepBudget(120, 0)).maxSteps());
        assertEquals(120, parsed(new StepBudget(120, 0)).cpuSeconds());
        assertEquals(7, parsed(new StepBudget(120, 0), "--max-steps", "7").maxSteps());
    }

    @Test
    void theHelpShowsEachCommandsCpuDefault() {
        String vision = CliRun.of("vision", "train", "--help").out();
        assertTrue(vision.contains("--max-steps only; default 120)."), vision);
        String caption = CliRun.of("caption", "train", "--help").out();
        assertTrue(caption.contains("--max-steps only; default 600)."), caption);
    }
}
