package io.genai4j.cli.train;

import io.genai4j.engine.util.Progress;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import java.util.Locale;
import java.util.function.Function;

/**
 * A progress bar on stderr driven by training events, plus one line per evaluation. The bar runs
 * over updates, over items (sentences) or over the CPU-time budget, whichever the run is bounded by.
 */
public final class TrainProgress implements TrainListener, AutoCloseable {
    /** What the bar counts. */
    public enum Axis { STEPS, ITEMS, CPU_SECONDS }

    private final Progress bar;
    private final Axis axis;
    private final long total;
    private Function<TrainEvent.Eval, String> evalLine =
            e -> String.format(Locale.ROOT, "step %d: train loss %.4f, val loss %.4f", e.step(), e.train(), e.val());
    private double lastVal = Double.NaN;

    private TrainProgress(Progress bar, Axis axis, long total) {
        this.bar = bar;
        this.axis = axis;
        this.total = total;
    }

    /** A bar over {@code total} updates, with a rate in {@code unit} ({@code perStep} of them per update). */
    public static TrainProgress steps(long total, String unit, double perStep) {
        return new TrainProgress(new Progress("train", total).rate(unit, perStep), Axis.STEPS, total);
    }

    /** A bar over {@code total} items (e.g. sentences times epochs), advanced by each update's items. */
    public static TrainProgress items(long total, String unit) {
        return new TrainProgress(new Progress("train", total).rate(unit, 1), Axis.ITEMS, total);
    }

    /** A bar over a CPU-time budget in seconds. */
    public static TrainProgress cpuBudget(long seconds) {
        return new TrainProgress(new Progress("train", seconds).rate("cpu-s", 1), Axis.CPU_SECONDS, seconds);
    }

    /**
     * The bar of a run bounded by updates or by CPU time: over the updates when there is a step limit
     * ({@code maxSteps > 0}), otherwise over the CPU-time budget.
     */
    public static TrainProgress budget(int maxSteps, double cpuSeconds, String unit, double perStep) {
        return maxSteps > 0 ? steps(maxSteps, unit, perStep) : cpuBudget((long) Math.ceil(cpuSeconds));
    }

    /** How an evaluation is printed (the default names step, train loss and val loss). */
    public TrainProgress evalLine(Function<TrainEvent.Eval, String> format) {
        this.evalLine = format;
        return this;
    }

    @Override
    public void on(TrainEvent event) {
        switch (event) {
            case TrainEvent.Step s -> {
                String status = String.format(Locale.ROOT, "step %d  loss %.4f  lr %.2e", s.step(), s.loss(), s.learningRate())
                        + (Double.isNaN(lastVal) ? "" : String.format(Locale.ROOT, "  val %.4f", lastVal));
                switch (axis) {
                    case STEPS -> bar.update(Math.min(total, s.step()), status);
                    case ITEMS -> bar.advance(s.items());
                    case CPU_SECONDS -> bar.update(Math.min(total, (long) s.cpuSeconds()), status);
                }
            }
            case TrainEvent.Eval e -> {
                lastVal = e.val();
                System.err.printf("%n%s%n", evalLine.apply(e));
            }
            case TrainEvent.Checkpoint c -> { }
            case TrainEvent.Done d -> { }
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
