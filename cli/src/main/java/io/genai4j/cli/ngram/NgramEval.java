package io.genai4j.cli.ngram;

import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.Evaluation;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Sampler;
import io.genai4j.models.ngram.Unit;
import io.genai4j.text.CopyDetector;
import io.genai4j.text.Corpus;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai ngram eval}: validation perplexity and cross-entropy, and the copy rate of a sample. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Perplexity and cross-entropy (nats per token and per character) on the validation split (last 10%%), and the copy rate of a generated sample.")
public final class NgramEval implements Callable<Integer> {
    @Mixin
    NgramOptions o;
    @Option(names = "--sample-tokens", description = "Tokens to generate for the copy rate (default: 500 words or 2500 chars).")
    Integer sampleTokens;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        NgramModel m = o.model();
        LanguageModel lm = o.smoothed(m);
        Corpus corpus = o.corpus();
        String val = corpus.split().val();
        String train = o.trainingText(m);
        if (train == null) System.err.println("genai: note: " + corpus.name() + "'s training split is not the text the model was trained on; evaluating on its validation split anyway, without a copy rate");
        Evaluation e = m.evaluate(lm, val);
        int n = sampleTokens != null ? sampleTokens : m.unit() == Unit.WORD ? 500 : 2500;
        CopyDetector.Result copy = null;
        if (train != null) {
            String sample = m.generate(lm, "", n, new Sampler(1.0, 0, seed)).text();
            copy = new CopyDetector(train, CopyDetector.DEFAULT_MIN_SPAN).measure(sample);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.println(NgramOptions.describe(m, lm));
        System.out.printf(Locale.ROOT, "  validation split of %s: %,d tokens, %,d characters%s%n", corpus.name(), e.tokens(), e.characters(),
                e.unknownTokens() > 0 ? String.format(Locale.ROOT, " (%,d tokens, %.1f%%, unknown to the model: scored as <unk>)", e.unknownTokens(), 100.0 * e.unknownTokens() / e.tokens()) : "");
        System.out.printf(Locale.ROOT, "  perplexity       %10.2f%n", e.perplexity());
        System.out.printf(Locale.ROOT, "  nats per token   %10.4f%n", e.natsPerToken());
        System.out.printf(Locale.ROOT, "  nats per char    %10.4f   (%.4f bits per char)%n", e.natsPerChar(), e.bitsPerChar());
        if (m.unit() == Unit.WORD) System.out.println("  (per char, word models are flattered: spaces are not predicted and <unk> hides spelling; compare char models with char models)");
        if (copy != null) {
            System.out.printf(Locale.ROOT, "  copy rate        %10.1f%%   of %d generated words sit in a %d+ word run copied from training; longest run %d words%n",
                    100 * copy.rate(), copy.words(), CopyDetector.DEFAULT_MIN_SPAN, copy.longestSpan());
        }
        if (o.json.on()) {
            Report r = new Report().put("order", lm.order()).put("unit", m.unit().cliName()).put("smoothing", o.smoothing)
                    .put("corpus", corpus.name()).put("val_tokens", e.tokens()).put("val_chars", e.characters())
                    .put("unknown_tokens", e.unknownTokens())
                    .put("val_ppl", Rounding.places(e.perplexity(), 4)).put("val_nats_per_token", Rounding.places(e.natsPerToken(), 5))
                    .put("val_nats_per_char", Rounding.places(e.natsPerChar(), 5)).put("val_bits_per_char", Rounding.places(e.bitsPerChar(), 5))
                    .put("copy_rate", copy == null ? null : Rounding.places(copy.rate(), 4)).put("longest_copy", copy == null ? null : copy.longestSpan())
                    .put("sample_tokens", n).put("seed", seed).put("seconds", Rounding.places(secs, 3));
            r.printJson(System.out);
        }
        return 0;
    }
}
