package io.genai4j.cli.ngram;

import io.genai4j.cli.Report;
import io.genai4j.course.table.TextTable;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code genai ngram score "sentence" "sentence"...}: which one does the model find more likely? */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Log-probability of each sentence (as a line of its own); the likeliest is marked.")
public final class NgramScore implements Callable<Integer> {
    @Mixin
    NgramOptions o;
    @Parameters(arity = "1..*", paramLabel = "SENTENCE", description = "One or more sentences to compare.")
    List<String> sentences;

    @Override
    public Integer call() throws Exception {
        NgramModel m = o.model();
        LanguageModel lm = o.smoothed(m);
        TextTable t = new TextTable("sentence", "ln P", "log10 P", "tokens", "per token", "").right(1, 2, 3, 4);
        List<Map<String, Object>> rows = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = -1;
        double[] scores = new double[sentences.size()];
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            NgramModel.Scored enc = m.encodeForScoring(s);
            if (enc.ids().length == 0) throw new IllegalArgumentException("sentence " + (i + 1) + " has no tokens to score");
            scores[i] = m.logProb(lm, enc.ids());
            if (scores[i] > best) {
                best = scores[i];
                bestIndex = i;
            }
            if (!enc.unknown().isEmpty()) notes.add("\"" + s + "\": unknown words scored as <unk>: " + String.join(", ", enc.unknown()));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sentence", s);
            r.put("log_prob", scores[i]);
            r.put("tokens", enc.ids().length);
            r.put("unknown", enc.unknown());
            rows.add(r);
        }
        for (int i = 0; i < sentences.size(); i++) {
            int n = (Integer) rows.get(i).get("tokens");
            t.row("\"" + sentences.get(i) + "\"", String.format(Locale.ROOT, "%.2f", scores[i]), String.format(Locale.ROOT, "%.2f", scores[i] / Math.log(10)),
                    n, String.format(Locale.ROOT, "%.2f", scores[i] / n), i == bestIndex && sentences.size() > 1 ? "← most likely" : "");
        }
        System.out.println(NgramOptions.describe(m, lm) + ":");
        System.out.print(t.render("  "));
        for (String n : notes) System.out.println("  note: " + n);
        if (o.json.on()) new Report().put("unit", m.unit().cliName()).put("order", lm.order()).put("smoothing", o.smoothing)
                .put("sentences", rows).put("most_likely", sentences.get(bestIndex)).printJson(System.out);
        return 0;
    }
}
