package io.genai4j.cli.ngram;

import io.genai4j.cli.SeedOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.TokenPrinter;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Sampler;
import io.genai4j.text.CopyDetector;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai ngram generate}: sample text, and say how much of it is copied from training. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Sample text from the model (seeded; temperature and top-k).")
public final class NgramGenerate implements Callable<Integer> {
    @Mixin
    NgramOptions o;
    @Option(names = "--tokens", defaultValue = "100", description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    int tokens;
    @Option(names = "--prompt", defaultValue = "", description = "Text to continue (default: start of a line).")
    String prompt;
    @Mixin
    SeedOption seed = new SeedOption(1);
    @Option(names = "--temperature", defaultValue = "1.0", description = "Below 1 sharper, above 1 flatter, 0 greedy (default: ${DEFAULT-VALUE}).")
    double temperature;
    @Option(names = "--top-k", defaultValue = "0", description = "Sample only among the k likeliest tokens; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Override
    public Integer call() throws Exception {
        NgramModel m = o.model();
        LanguageModel lm = o.smoothed(m);
        Sampler sampler = new Sampler(temperature, topK, seed.value());
        // Stream: the prompt as the model reads it (unknown words shown as such), then each token as it is drawn.
        int[] promptIds = m.encodeKnown(prompt);
        System.out.print(m.tokenizer().decode(promptIds));
        TokenPrinter printer = new TokenPrinter(m.tokenizer(), promptIds, System.out);
        long t0 = System.nanoTime();
        NgramModel.Generation g = m.generate(lm, prompt, tokens, sampler, printer::accept);
        double secs = (System.nanoTime() - t0) / 1e9;
        printer.finish();
        System.out.println();
        System.out.println();
        String train = o.trainingText(m);
        CopyDetector.Result copy = train == null ? null : new CopyDetector(train, CopyDetector.DEFAULT_MIN_SPAN).measure(m.tokenizer().decode(g.newIds()));
        System.out.printf(Locale.ROOT, "— %s; %d tokens in %.1f ms; seed %d, temperature %s, top-k %s%n", NgramOptions.describe(m, lm), tokens,
                secs * 1e3, seed.value(), temperature, topK == 0 ? "off" : topK);
        if (copy != null) {
            System.out.printf(Locale.ROOT, "— copied: %.0f%% of %d generated words sit in a run of %d+ words found verbatim in the training text; longest run %d words%n",
                    100 * copy.rate(), copy.words(), CopyDetector.DEFAULT_MIN_SPAN, copy.longestSpan());
        }
        if (o.json.on()) {
            Report r = new Report().put("unit", m.unit().cliName()).put("order", lm.order()).put("smoothing", o.smoothing)
                    .put("seed", seed.value()).put("temperature", temperature).put("top_k", topK).put("tokens", tokens)
                    .put("ms", Rounding.places(secs * 1e3, 2)).put("text", g.text());
            if (copy != null) r.put("copy_rate", Rounding.places(copy.rate(), 3)).put("longest_copy", copy.longestSpan());
            r.printJson(System.out);
        }
        return 0;
    }
}
