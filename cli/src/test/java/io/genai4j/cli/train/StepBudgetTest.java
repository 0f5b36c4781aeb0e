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
    @Command(name = "t")
    static final class Budgeted {
        @Mixin StepBudget budget = new StepBudget(0, 3000);
    }

    @Command(name = "t")
    static final class Timed {
        @Mixin StepBudget budget = new StepBudget(120, 0);
    }

    private static StepBudget parsed(Object command, StepBudget budget, String... args) {
        new CommandLine(command).parseArgs(args);
        return budget;
    }

    @Test
    void neitherBoundGivenRunsTheCommandsOwnCount() {
        Budgeted b = new Budgeted();
        StepBudget s = parsed(b, b.budget);
        assertEquals(3000, s.maxSteps());
        assertEquals(0, s.cpuSeconds());
    }

    @Test
    void aCpuBudgetAloneLeavesTheStepsUnbounded() {
        Budgeted b = new Budgeted();
        StepBudget s = parsed(b, b.budget, "--cpu-seconds", "30");
        assertEquals(0, s.maxSteps());
        assertEquals(30, s.cpuSeconds());
        Budgeted c = new Budgeted();
        assertEquals(50, parsed(c, c.budget, "--max-steps", "50").maxSteps());
    }

    @Test
    void aDefaultCpuBudgetIsABoundOfItsOwn() {
        Timed t = new Timed();
        StepBudget s = parsed(t, t.budget);
        assertEquals(0, s.maxSteps());
        assertEquals(120, s.cpuSeconds());
        Timed u = new Timed();
        assertEquals(7, parsed(u, u.budget, "--max-steps", "7").maxSteps());
    }

    @Test
    void theHelpShowsEachCommandsCpuDefault() {
        String vision = CliRun.of("vision", "train", "--help").out();
        assertTrue(vision.contains("--max-steps only; default 120)."), vision);
        String caption = CliRun.of("caption", "train", "--help").out();
        assertTrue(caption.contains("--max-steps only; default 600)."), caption);
    }
}
