package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Sampler;
import io.genai4j.models.ngram.Smoothing;
import io.genai4j.models.ngram.Unit;
import io.genai4j.text.Corpus;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai bench ngram}: n-gram training and generation speed on tiny Shakespeare. */
@Command(name = "ngram", mixinStandardHelpOptions = true,
        description = "N-gram speed: training a char 5-gram on tiny Shakespeare (target < 2 s), 1,000 generated tokens (target < 50 ms).")
public final class BenchNgram implements Callable<Integer> {
    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
        Corpus c = Corpus.tinyShakespeare();
        Report r = new Report().put("op", "ngram").put("corpus", c.name()).put("chars", c.text().length());
        // Training includes tokenizing the training split and freezing the counts.
        double train = median(() -> NgramModel.train(c, Unit.CHAR, 5));
        System.out.printf(Locale.ROOT, "train char 5-gram on %,d chars (train split)   %8.3f s   (target < 2 s)%n", Corpus.characters(c.split().train()), train);
        r.put("train_char5_s", Rounding.places(train, 3));
        for (Unit unit : Unit.values()) {
            int order = unit == Unit.CHAR ? 5 : 3;
            NgramModel m = NgramModel.train(c, unit, order);
            for (Smoothing s : Smoothing.values()) {
                LanguageModel lm = m.smoothed(s, order, Smoothing.Params.DEFAULT);
                double secs = median(() -> m.generate(lm, "", 1000, new Sampler(1.0, 0, 1)));
                String key = "generate1000_" + unit.cliName() + order + "_" + s.cliName + "_ms";
                System.out.printf(Locale.ROOT, "generate 1,000 tokens, %s %d-gram, %-8s (V=%,6d) %8.1f ms  (target < 50 ms)%n",
                        unit.cliName(), order, s.cliName, lm.vocabSize(), secs * 1e3);
                r.put(key, Rounding.places(secs * 1e3, 3));
            }
        }
        if (json.on()) r.printJson(System.out);
        return 0;
    }

    /** Median wall time of {@code repeats} runs after one untimed warm-up run. */
    private double median(Runnable task) {
        task.run();
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }
}
