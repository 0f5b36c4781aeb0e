package io.genai4j.cli.vision;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.course.table.TextTable;
import io.genai4j.course.vision.DataSizeChart;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.vision.DataSizeExperiment;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vision compare}: CNN vs ViT test accuracy by training-set size at equal CPU time, over seeds, with and without augmentation. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The seed's claim as an experiment: does the ViT catch up with the CNN as the training set grows?",
                "Every run trains a fresh model for the same CPU time, keeps its best validation weights and is scored on the 1,500 test images.",
                "Prints a table (mean ± sd over seeds) and writes a plot. The full grid is long: 6 sizes × 3 seeds × 2 × 2 runs of --cpu-seconds each."})
public final class VisionCompare implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", defaultValue = "250,500,1000,2000,4000,8000", description = "Training-set sizes (default ${DEFAULT-VALUE}).") int[] sizes;
    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Seeds (default ${DEFAULT-VALUE}).") long[] seeds;
    @Option(names = "--augment", defaultValue = "both", description = "off, on or both (default ${DEFAULT-VALUE}).") String augment;
    @Option(names = "--models", split = ",", defaultValue = "cnn,vit", description = "Models (default ${DEFAULT-VALUE}).") List<String> models;
    @Option(names = "--cpu-seconds", defaultValue = "60", description = "Process CPU seconds of training per run (default ${DEFAULT-VALUE}).") double cpuSeconds;
    @Option(names = "--batch-size", defaultValue = "64", description = "Images per update (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--eval-every", defaultValue = "50", description = "Validation accuracy every N updates (default ${DEFAULT-VALUE}).") int evalEvery;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/vision-compare.png", description = "The plot (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin MnistOption data;
    @Mixin ThreadsOption threads;
    @Option(names = "--json", description = "Also print every run and the summary as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        boolean[] aug = switch (augment) {
            case "off" -> new boolean[] {false};
            case "on" -> new boolean[] {true};
            case "both" -> new boolean[] {false, true};
            default -> throw new IllegalArgumentException("--augment must be off, on or both, got " + io.genai4j.engine.util.Printable.of(augment));
        };
        for (String m : models) io.genai4j.models.vision.VisionConfig.of(m);   // a bad name fails before any training
        Mnist.Split split = data.split();
        DataSizeExperiment.Plan plan = new DataSizeExperiment.Plan(sizes, seeds, aug, models, cpuSeconds, batchSize, evalEvery);
        System.out.printf(Locale.ROOT, "%d runs of %.0f CPU-s each (about %.0f CPU-minutes of training)%n", plan.runs(), cpuSeconds, plan.runs() * cpuSeconds / 60);
        List<DataSizeExperiment.Run> runs = DataSizeExperiment.run(split, plan, r -> System.out.printf(Locale.ROOT,
                "%-3s n=%-5d seed %d %-9s %5d steps %6.1f epochs  val %.4f  test %.4f%n", r.model(), r.trainSize(), r.seed(),
                r.augmented() ? "augmented" : "plain", r.steps(), r.epochs(), r.valAccuracy(), r.testAccuracy()));
        Map<String, double[]> stats = summary(runs);
        TextTable t = new TextTable("train images", "model", "augmented", "seeds", "test accuracy (mean ± sd)").right(0, 3, 4);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<DataSizeChart.Point> points = new ArrayList<>();
        for (var e : stats.entrySet()) {
            String[] k = e.getKey().split("\\|");
            double[] s = e.getValue();
            t.row(Integer.parseInt(k[0].trim()), k[1], k[2], (int) s[0], String.format(Locale.ROOT, "%.4f ± %.4f", s[1], s[2]));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("train_size", Integer.parseInt(k[0].trim()));
            row.put("model", k[1]);
            row.put("augmented", k[2].equals("yes"));
            row.put("seeds", (int) s[0]);
            row.put("test_accuracy_mean", Rounding.places(s[1], 4));
            row.put("test_accuracy_sd", Rounding.places(s[2], 4));
            rows.add(row);
        }
        for (DataSizeExperiment.Run r : runs) points.add(new DataSizeChart.Point(r.model() + (r.augmented() ? " + augmentation" : ""), r.trainSize(), r.testAccuracy()));
        System.out.print(t.render(""));
        DataSizeChart.save(png, String.format(Locale.ROOT, "%.0f CPU-s of training per run, mean over %d seed(s); 1,500 test images", cpuSeconds, seeds.length), points);
        System.out.println("plot: " + png.toAbsolutePath());
        if (json) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (DataSizeExperiment.Run r : runs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model());
                m.put("train_size", r.trainSize());
                m.put("seed", r.seed());
                m.put("augmented", r.augmented());
                m.put("steps", r.steps());
                m.put("epochs", Rounding.places(r.epochs(), 2));
                m.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
                m.put("val_accuracy", Rounding.places(r.valAccuracy(), 4));
                m.put("test_accuracy", Rounding.places(r.testAccuracy(), 4));
                all.add(m);
            }
            new Report().put("cpu_seconds_per_run", cpuSeconds).put("summary", rows).put("runs", all).put("png", png.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }

    /** "size|model|augmented" (sorted by size) → {seeds, mean, sample sd} of test accuracy. */
    static Map<String, double[]> summary(List<DataSizeExperiment.Run> runs) {
        Map<String, List<Double>> by = new java.util.TreeMap<>();
        for (DataSizeExperiment.Run r : runs) {
            String key = String.format(Locale.ROOT, "%6d|%s|%s", r.trainSize(), r.model(), r.augmented() ? "yes" : "no");
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(r.testAccuracy());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : by.entrySet()) {
            List<Double> v = e.getValue();
            double mean = v.stream().mapToDouble(d -> d).average().orElse(Double.NaN), ss = 0;
            for (double d : v) ss += (d - mean) * (d - mean);
            out.put(e.getKey(), new double[] {v.size(), mean, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0});
        }
        return out;
    }
}
