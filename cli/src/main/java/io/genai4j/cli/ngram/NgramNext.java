package io.genai4j.cli.ngram;

import io.genai4j.cli.Report;
import io.genai4j.course.table.TextTable;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NextToken;
import io.genai4j.models.ngram.NgramModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai ngram next "I will"}: the top-k next tokens and their probabilities. */
@Command(name = "next", mixinStandardHelpOptions = true, description = "Show the most likely next tokens after a context, with probabilities.")
public final class NgramNext implements Callable<Integer> {
    @Mixin
    NgramOptions o;
    @Parameters(index = "0", paramLabel = "CONTEXT", description = "The text so far, e.g. \"I will\" (read as the start of a line).")
    String context;
    @Option(names = "--top", defaultValue = "10", description = "How many tokens to show (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws Exception {
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        NgramModel m = o.model();
        LanguageModel lm = o.smoothed(m);
        List<NextToken> next = m.next(lm, context, top);
        System.out.println("After \"" + context + "\" (" + NgramOptions.describe(m, lm) + "):");
        TextTable t = new TextTable("#", "next", "probability", "").right(0, 2);
        double max = next.get(0).probability(), sum = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            NextToken n = next.get(i);
            sum += n.probability();
            t.row(i + 1, n.token(), String.format(Locale.ROOT, "%.4f", n.probability()), "█".repeat((int) Math.round(30 * n.probability() / max)));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("token", n.token());
            r.put("probability", n.probability());
            rows.add(r);
        }
        System.out.print(t.render("  "));
        System.out.printf(Locale.ROOT, "  (these %d hold %.1f%% of the probability over a vocabulary of %,d)%n", next.size(), 100 * sum, lm.vocabSize());
        if (o.json.on()) new Report().put("context", context).put("unit", m.unit().cliName()).put("order", lm.order()).put("smoothing", o.smoothing)
                .put("next", rows).printJson(System.out);
        return 0;
    }
}
