package io.genai4j.course.ngram;

import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Smoothing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tour step: a language model assigns a probability to a whole sentence. */
public final class LikelihoodStep extends TourStep {
    static final String[][] PAIRS = {
            {"I pray you, sir.", "Sir, you pray I."},
            {"My lord, the king is dead.", "Dead is the king, my lord."},
    };

    public LikelihoodStep() {
        super(110, "Which sentence is more likely?");
    }

    @Override
    public StepResult run(TourContext ctx) {
        var say = ctx.say();
        NgramModel m = WordModels.words(ctx);
        LanguageModel lm = m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT);
        say.say("A language model gives every text a probability: P(w1..wn) = P(w1)·P(w2|w1)·P(w3|w1 w2)·… A "
                + "trigram model keeps only the last two words of each condition and estimates the factors from "
                + "counts, smoothed with Kneser-Ney so that unseen word triples still get a little probability. "
                + "Same words, different order:");
        say.blank();
        TextTable t = new TextTable("sentence", "ln P", "per token", "verdict").right(1, 2);
        List<Map<String, Object>> rows = new ArrayList<>();
        String headline = "";
        for (String[] pair : PAIRS) {
            double a = score(m, lm, pair[0]), b = score(m, lm, pair[1]);
            double ratio = Math.abs(a - b) / Math.log(10);
            for (int i = 0; i < 2; i++) {
                String s = pair[i];
                double lp = i == 0 ? a : b;
                int n = m.encodeForScoring(s).ids().length;
                boolean wins = (i == 0) == (a > b);
                t.row("\"" + s + "\"", String.format(Locale.ROOT, "%.1f", lp), String.format(Locale.ROOT, "%.2f", lp / n),
                        wins ? String.format(Locale.ROOT, "10^%.1f times likelier", ratio) : "");
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("sentence", s);
                r.put("log_prob_nats", Rounding.places(lp, 3));
                rows.add(r);
            }
            if (headline.isEmpty()) headline = String.format(Locale.ROOT, "\"%s\" is 10^%.1f times likelier than \"%s\"", a > b ? pair[0] : pair[1], ratio, a > b ? pair[1] : pair[0]);
        }
        say.table(t);
        say.blank();
        say.note("Word trigram, interpolated Kneser-Ney, trained on the training split. Each sentence is scored as a "
                + "line of its own (after a line break); ln P is in nats, per token includes punctuation. "
                + "Words the training text never had would count as <unk>.");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sentences", rows);
        return new StepResult(headline, f);
    }

    private static double score(NgramModel m, LanguageModel lm, String s) {
        return m.logProb(lm, m.encodeForScoring(s).ids());
    }
}
