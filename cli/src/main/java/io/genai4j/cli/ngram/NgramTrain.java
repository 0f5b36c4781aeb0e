package io.genai4j.cli.ngram;

import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.NgramCounts;
import io.genai4j.models.ngram.NgramFile;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.text.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai ngram train}: count the n-grams of the training split and save the model. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Count n-grams on the training split (first 90%%) and save the model.")
public final class NgramTrain implements Callable<Integer> {
    @Mixin
    NgramOptions o;
    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the model (default: ngram-<unit>-<order>.bin).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (o.model != null) throw new IllegalArgumentException("train makes a model from --corpus; --model does not apply");
        Corpus corpus = o.corpus();
        long t0 = System.nanoTime();
        NgramModel m = NgramModel.train(corpus, o.unit(), o.order());
        double secs = (System.nanoTime() - t0) / 1e9;
        Path file = out != null ? out : Path.of("ngram-" + m.unit().cliName() + "-" + m.order() + ".bin");
        NgramFile.save(m, file);
        NgramCounts c = m.counts();
        List<String> perOrder = new ArrayList<>();
        List<Long> perOrderCounts = new ArrayList<>();
        for (int k = 1; k <= m.order(); k++) {
            perOrder.add(k + ": " + String.format(Locale.ROOT, "%,d", c.ngramsOfOrder(k)));
            perOrderCounts.add(c.ngramsOfOrder(k));
        }
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "Trained a %s %d-gram on %s in %.2f s: %,d training tokens, vocabulary %,d.%n",
                m.unit().cliName(), m.order(), corpus.name(), secs, c.tokens(), c.vocabSize());
        System.out.println("Distinct n-grams by order: " + String.join(", ", perOrder) + ".");
        System.out.printf(Locale.ROOT, "Saved to %s (%,d bytes).%n", file, bytes);
        if (o.json.on()) {
            new Report().put("unit", m.unit().cliName()).put("order", m.order()).put("corpus", corpus.name())
                    .put("train_tokens", c.tokens()).put("vocab", c.vocabSize()).put("ngrams", c.ngrams(m.order()))
                    .put("ngrams_by_order", perOrderCounts).put("seconds", Rounding.places(secs, 3))
                    .put("file", file.toString()).put("bytes", bytes).printJson(System.out);
        }
        return 0;
    }
}
