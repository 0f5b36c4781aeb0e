package io.genai4j.course.lora;

import io.genai4j.course.chart.ScatterPlot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as one picture: validation loss against trainable parameters (log₁₀ axis), the new
 * text's loss (blue) and Shakespeare's (orange, forgetting) for every contestant, the ranks of one
 * LoRA family joined by arrows in order of size, and the base model's two losses as reference points.
 */
public final class LoraComparisonChart {
    private LoraComparisonChart() {}

    public static Path save(Path png, String subtitle, LoraComparison.Outcome outcome) {
        ScatterPlot plot = new ScatterPlot("LoRA vs full fine-tuning: validation loss vs trainable parameters",
                "log₁₀(trainable parameters)", "validation loss (nats per token)")
                .subtitle(subtitle + " · blue: new text, orange: Shakespeare (forgetting)");
        Map<String, int[]> lastOfFamily = new LinkedHashMap<>();   // family → {new-text point, Shakespeare point}
        double xMin = Double.POSITIVE_INFINITY;
        // The first LoRA family's points are tagged by rank alone, the others' also by their targets.
        String firstFamily = outcome.results().stream().filter(r -> !r.setup().isFull()).map(r -> r.setup().family()).findFirst().orElse("");
        for (FineTuningResult r : sortedBySize(outcome.results())) {
            double x = Math.log10(r.trainable());
            xMin = Math.min(xMin, x);
            String tag = r.setup().isFull() ? String.format(Locale.ROOT, "full %.0e", r.setup().lr())
                    : "r" + r.setup().rank() + (r.setup().family().equals(firstFamily) ? "" : " " + r.setup().family().substring("LoRA ".length()));
            int[] now = {plot.point(tag, x, r.valLoss(), 0), Double.isFinite(r.homeLoss()) ? plot.point(tag, x, r.homeLoss(), 1) : -1};
            int[] before = r.setup().isFull() ? null : lastOfFamily.put(r.setup().family(), now);
            if (before != null) {
                plot.arrow(before[0], now[0]);
                if (before[1] >= 0 && now[1] >= 0) plot.arrow(before[1], now[1]);
            }
        }
        // The base model sits left of every contestant: it trained nothing.
        double xBase = xMin - 0.5;
        plot.point("base", xBase, outcome.baseValLoss(), 0);
        if (Double.isFinite(outcome.baseHomeLoss())) plot.point("base", xBase, outcome.baseHomeLoss(), 1);
        return plot.save(png);
    }

    private static List<FineTuningResult> sortedBySize(List<FineTuningResult> results) {
        return results.stream().sorted(java.util.Comparator.comparingLong(FineTuningResult::trainable)).toList();
    }
}
