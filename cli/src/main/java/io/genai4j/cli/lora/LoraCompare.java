package io.genai4j.cli.lora;

import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.course.lora.FineTuning;
import io.genai4j.course.lora.FineTuningResult;
import io.genai4j.course.lora.LoraComparison;
import io.genai4j.course.lora.LoraComparisonChart;
import io.genai4j.course.table.TextTable;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.engine.util.SharedDataDir;
import io.genai4j.llm.lora.LoraTargets;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.train.TrainEvent;
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

/**
 * {@code genai lora compare}: the style task (the shipped Shakespeare GPT moved to the French side of
 * the translation pairs) with full fine-tuning and with LoRA at several ranks and targets, the same
 * updates and tokens each; a table, a chart and {@code --json}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"LoRA vs full fine-tuning and ranks on the style task: every run starts from the shipped GPT and takes the same updates on the same windows.",
                "Reports val loss on the new text and on Shakespeare (forgetting), trainable parameters, training-state bytes (weights + gradients + AdamW moments), CPU seconds and tokens/s."})
public final class LoraCompare implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", description = "The new text (default: ../shared/data/translation/fra-eng/fra.txt, column 2: French).") Path data;
    @Option(names = "--column", defaultValue = "2", description = "The N-th tab-separated column of each line (0: the whole text; default ${DEFAULT-VALUE}).") int column;
    @Option(names = "--max-chars", defaultValue = "300000", description = "Text read at most, whole lines taken evenly through the file (default ${DEFAULT-VALUE}).") int maxChars;
    @Option(names = "--lora", paramLabel = "TARGET:R,R..", defaultValue = "c_attn:1,2,4,8,16;all-linear:4", split = ";",
            description = "Adapters: target layers and their ranks, ';' between families (default ${DEFAULT-VALUE}).") List<String> lora;
    @Option(names = "--lora-lr", defaultValue = "2e-3", description = "Peak learning rate of every adapter (default ${DEFAULT-VALUE}).") double loraLr;
    @Option(names = "--full-lr", split = ",", defaultValue = "1e-4,3e-4", description = "Peak learning rates of full fine-tuning, one run each (default ${DEFAULT-VALUE}; none: 0).") List<Double> fullLr;
    @Option(names = "--scale", defaultValue = "4", description = "alpha/r of every adapter: alpha = scale·r (default ${DEFAULT-VALUE}: the style lesson's r 4, alpha 16).") float scale;
    @Option(names = "--steps", defaultValue = "60", description = "Updates per run (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--batch", defaultValue = "8", description = "Windows per update (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--window", defaultValue = "128", description = "Tokens per window (default ${DEFAULT-VALUE}).") int window;
    @Option(names = "--eval-windows", defaultValue = "64", description = "Validation windows at most, of each text (default ${DEFAULT-VALUE}).") int evalWindows;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/lora-compare.png", description = "The chart (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin ThreadsOption threads;
    @Option(names = "--json", description = "Also print the base losses and every run as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        List<FineTuning> setups = setups();
        Path file = data != null ? data : SharedDataDir.resolve("translation/fra-eng/fra.txt");
        LoraComparison.Data windows;
        int win;
        try (LoraBase b = LoraBase.open("gpt")) {
            win = Math.min(window, b.gpt().model().config.blockSize());
            LoraBase.Windows split = b.split(file, column, win, maxChars, evalWindows);
            windows = new LoraComparison.Data(split.train(), split.val(), split.home());
        }
        System.out.printf(Locale.ROOT, "%d runs of %d updates × %d windows of %d tokens (%,d tokens each); %,d training windows from %s%n",
                setups.size(), steps, batch, win, (long) steps * batch * win, windows.train().size(), file);
        LoraComparison.Outcome outcome = LoraComparison.run(() -> GptCheckpoint.bundled().model(), windows, setups,
                new LoraComparison.Budget(steps, batch, scale, seed.value()), f -> {
                    System.out.println(f.label() + ":");
                    TrainProgress bar = TrainProgress.steps(steps, "tok", (double) batch * win);
                    return e -> {
                        bar.on(e);
                        if (e instanceof TrainEvent.Done) bar.close();
                    };
                });
        TextTable t = new TextTable("run", "trainable", "% of all", "state bytes", "val new", "val Shakespeare", "CPU s", "tokens/s").right(1, 2, 3, 4, 5, 6, 7);
        t.row("base (no training)", 0, "0", 0, fmt(outcome.baseValLoss()), fmt(outcome.baseHomeLoss()), "", "");
        for (FineTuningResult r : outcome.results()) {
            t.row(r.setup().label(), String.format(Locale.ROOT, "%,d", r.trainable()), String.format(Locale.ROOT, "%.3f", 100.0 * r.trainable() / r.all()),
                    String.format(Locale.ROOT, "%,d", r.stateBytes()), fmt(r.valLoss()), fmt(r.homeLoss()),
                    String.format(Locale.ROOT, "%.1f", r.cpuSeconds()), String.format(Locale.ROOT, "%,.0f", r.tokensPerSecond()));
        }
        System.out.print(t.render(""));
        LoraComparisonChart.save(png, String.format(Locale.ROOT, "shipped Shakespeare GPT → %s; %d updates × %d × %d tokens each",
                file.getFileName(), steps, batch, win), outcome);
        System.out.println("chart: " + png.toAbsolutePath());
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FineTuningResult r : outcome.results()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("run", r.setup().label());
                m.put("kind", r.setup().isFull() ? "full" : "lora");
                m.put("targets", r.setup().isFull() ? "all" : r.setup().family().substring("LoRA ".length()));
                m.put("rank", r.setup().rank());
                m.put("lr", r.setup().lr());
                m.put("trainable_params", r.trainable());
                m.put("all_params", r.all());
                m.put("state_bytes", r.stateBytes());
                m.put("val_loss", Rounding.places(r.valLoss(), 4));
                m.put("home_val_loss", Rounding.places(r.homeLoss(), 4));
                m.put("steps", r.steps());
                m.put("tokens", r.tokens());
                m.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 2));
                m.put("tokens_per_s", Rounding.whole(r.tokensPerSecond()));
                rows.add(m);
            }
            new Report().put("base_val_loss", Rounding.places(outcome.baseValLoss(), 4)).put("base_home_val_loss", Rounding.places(outcome.baseHomeLoss(), 4))
                    .put("runs", rows).put("png", png.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }

    /** Full fine-tuning at each --full-lr, then every --lora family at each of its ranks. */
    List<FineTuning> setups() {
        List<FineTuning> out = new ArrayList<>();
        for (double lr : fullLr) if (lr != 0) out.add(FineTuning.full(lr));
        for (String family : lora) {
            if (family.isBlank()) continue;
            int colon = family.lastIndexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("--lora wants TARGET:R,R,.. (e.g. c_attn:1,4), got " + Printable.of(family));
            LoraTargets targets = LoraTargets.parse(family.substring(0, colon).replace('+', ','));
            for (String r : family.substring(colon + 1).split(",")) {
                try {
                    out.add(FineTuning.lora(targets, Integer.parseInt(r.strip()), loraLr));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--lora: rank " + Printable.of(r) + " in " + Printable.of(family) + " is not an integer");
                }
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("nothing to compare: give --full-lr or --lora");
        return out;
    }

    private static String fmt(double loss) {
        return Double.isFinite(loss) ? String.format(Locale.ROOT, "%.4f", loss) : "-";
    }
}
