package io.genai4j.cli.train;

import io.genai4j.course.chart.LineChart;
import io.genai4j.models.train.TrainEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** loss.png: train and validation loss at every evaluation of a run. */
public final class LossChart {
    private LossChart() {}

    /** Draws the curve over {@code x} of each evaluation (the step, or CPU-minutes); nothing if there is none yet. */
    public static void save(Path file, String title, String xLabel, String subtitle, List<TrainEvent.Eval> evals,
                            ToDoubleFunction<TrainEvent.Eval> x) {
        if (evals.isEmpty()) return;
        int n = evals.size();
        double[] xs = new double[n], tr = new double[n], va = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x.applyAsDouble(evals.get(i));
            tr[i] = evals.get(i).train();
            va[i] = evals.get(i).val();
        }
        new LineChart(title, xLabel, "cross-entropy (nats/token)").subtitle(subtitle)
                .series("train", xs, tr).series("val", xs, va).save(file);
    }
}
