package io.genai4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.train.TrainEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's side of the trainers' events: a line per evaluation on stderr, and loss.png from the evaluations. */
class TrainProgressTest {
    @Test
    void printsEachEvaluationInTheCommandsWords() {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (TrainProgress p = TrainProgress.items(100, "sentences")
                .evalLine(e -> String.format(Locale.ROOT, "  epoch %d: dev accuracy %.2f%%", e.step() / 5, 100 * e.val()))) {
            p.on(new TrainEvent.Step(5, 0.7, 1e-3, 50, 0.1));
            p.on(new TrainEvent.Eval(5, 0.7, 0.625, 0.1, true));
            p.on(new TrainEvent.Done(5, 0.1, 0.1, 0.2, 50, 0.625));
        } finally {
            System.setErr(err);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("  epoch 1: dev accuracy 62.50%"), out);
    }

    /** Runs a new bar through one update that took {@code cpuSeconds} and returns what it wrote to stderr. */
    private static String afterOneUpdate(Supplier<TrainProgress> bar, double cpuSeconds) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (TrainProgress p = bar.get()) {
            p.on(new TrainEvent.Step(1, 0.7, 1e-3, 8, cpuSeconds));
        } finally {
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBudgetedRunCountsStepsWhenItHasAStepLimitElseCpuSeconds() {
        assertTrue(afterOneUpdate(() -> TrainProgress.budget(100, 30, "img", 8), 1.5).contains("1/100"), "a step limit: the bar runs over the steps");
        assertTrue(afterOneUpdate(() -> TrainProgress.budget(0, 2.5, "img", 8), 1.5).contains("1/3"), "no step limit: over the CPU seconds, rounded up");
    }

    @Test
    void drawsTheLossCurveFromEvaluations(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("loss.png");
        LossChart.save(png, "t", "iteration", "s", List.of(), TrainEvent.Eval::step);
        assertTrue(Files.notExists(png), "no evaluation yet: no picture");
        LossChart.save(png, "t", "iteration", "s", List.of(new TrainEvent.Eval(0, 3.0, 3.1, 0, true), new TrainEvent.Eval(10, 2.0, 2.2, 1, true)),
                TrainEvent.Eval::step);
        assertTrue(Files.size(png) > 1000);
    }
}
