package io.genai4j.cli.ngram;

import io.genai4j.cli.CorpusOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramFile;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Smoothing;
import io.genai4j.models.ngram.Unit;
import io.genai4j.text.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every {@code genai ngram} verb shares, and how they become a model: load
 * {@code --model FILE}, or train on the fly from {@code --corpus} (tiny Shakespeare by default),
 * which takes about a second.
 */
public final class NgramOptions {
    static final String DEFAULT_UNIT = "word";
    static final int DEFAULT_ORDER = 3;

    @Option(names = "--unit", description = "word or char (default: " + DEFAULT_UNIT + ", or the model file's).")
    String unit;
    @Option(names = "--order", description = "n, the n-gram order, 1..16 (default: " + DEFAULT_ORDER + ", or the model file's).")
    Integer order;
    @Option(names = "--smoothing", defaultValue = "kn", description = "kn (interpolated modified Kneser-Ney), addk or backoff (stupid backoff) (default: ${DEFAULT-VALUE}).")
    String smoothing;
    @Mixin
    CorpusOption text;
    @Option(names = "--model", paramLabel = "FILE", description = "A model saved by 'genai ngram train' (instead of training on the fly).")
    Path model;
    @Option(names = "--k", defaultValue = "0.1", description = "k of add-k smoothing (default: ${DEFAULT-VALUE}).")
    double k;
    @Option(names = "--alpha", defaultValue = "0.4", description = "Back-off factor of stupid backoff (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Mixin
    JsonOption json;

    private Corpus loadedCorpus;

    /** The corpus named by --corpus, or tiny Shakespeare; read once. */
    Corpus corpus() throws IOException {
        if (loadedCorpus == null) loadedCorpus = text.load();
        return loadedCorpus;
    }

    /** A loaded or freshly trained model, with the requested order checked against it. */
    NgramModel model() throws IOException {
        if (model != null) {
            NgramModel m = NgramFile.load(model);
            if (unit != null && Unit.parse(unit) != m.unit()) {
                throw new IllegalArgumentException("--unit " + unit + " conflicts with " + model + ", a " + m.unit().cliName() + " model");
            }
            if (order != null && (order < 1 || order > m.order())) {
                throw new IllegalArgumentException("--order " + order + " is not available: " + model + " counted orders 1.." + m.order());
            }
            return m;
        }
        return NgramModel.train(corpus(), unit(), order());
    }

    Unit unit() {
        return Unit.parse(unit == null ? DEFAULT_UNIT : unit);
    }

    int order() {
        return order == null ? DEFAULT_ORDER : order;
    }

    /** The smoothed model at the requested order (the file's order when --order is absent). */
    LanguageModel smoothed(NgramModel m) {
        int n = order != null ? order : m.order();
        return m.smoothed(Smoothing.parse(smoothing), n, new Smoothing.Params(k, alpha));
    }

    /**
     * The training text of the model, when we can be sure of it: the corpus it was just trained
     * on, or --corpus (default tiny Shakespeare) when its training split has the model's fingerprint.
     */
    String trainingText(NgramModel m) throws IOException {
        String train = corpus().split().train();
        return Corpus.fingerprint(train).equals(m.trainFingerprint()) ? train : null;
    }

    static String describe(NgramModel m, LanguageModel lm) {
        return m.unit().cliName() + " " + lm.order() + "-gram, " + lm.describe() + ", trained on " + m.corpusName();
    }
}
