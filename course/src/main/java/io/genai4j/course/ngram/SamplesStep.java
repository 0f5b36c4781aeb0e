package io.genai4j.course.ngram;

import io.genai4j.course.chart.BarChart;
import io.genai4j.course.chart.Canvas;
import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.Evaluation;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Sampler;
import io.genai4j.models.ngram.Smoothing;
import io.genai4j.text.CopyDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tour step: samples from word n-grams of growing order, with how much of each sample is copied
 * verbatim from the training text. Higher orders read better because they quote more.
 */
public final class SamplesStep extends TourStep {
    static final int TOKENS = 600;

    public SamplesStep() {
        super(130, "Samples by order, and how much they copy");
    }

    @Override
    public StepResult run(TourContext ctx) {
        var say = ctx.say();
        NgramModel m = WordModels.words(ctx);
        String train = ctx.corpus().split().train(), val = ctx.corpus().split().val();
        CopyDetector copies = new CopyDetector(train, CopyDetector.DEFAULT_MIN_SPAN);
        say.say("Sampling word after word from the model writes new text. Each order below generated " + TOKENS + " tokens "
                + "(seed " + ctx.seed() + ", temperature 1) with stupid backoff, the smoothing built for fast generation "
                + "that trusts the longest context it has seen. \"Copied\" is the share of generated words inside a run of "
                + CopyDetector.DEFAULT_MIN_SPAN + "+ words found verbatim in the training text.");
        say.blank();
        TextTable t = new TextTable("order", "val perplexity (KN)", "copied", "longest copy", "copied (KN sampling)").right(0, 1, 2, 3, 4);
        BarChart chart = new BarChart("How much do word n-grams copy?", "share of words in copied 8+ word runs")
                .valueFormat("%.2f").size(760, 460);
        double knMax = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (int order = 1; order <= WordModels.MAX_ORDER; order++) {
            LanguageModel backoff = m.smoothed(Smoothing.BACKOFF, order, Smoothing.Params.DEFAULT);
            LanguageModel kn = m.smoothed(Smoothing.KN, order, Smoothing.Params.DEFAULT);
            String text = m.generate(backoff, "", TOKENS, new Sampler(1.0, 0, ctx.seed())).text();
            String knText = m.generate(kn, "", TOKENS, new Sampler(1.0, 0, ctx.seed())).text();
            CopyDetector.Result c = copies.measure(text), ck = copies.measure(knText);
            Evaluation e = m.evaluate(kn, val);
            t.row(order, String.format(Locale.ROOT, "%.1f", e.perplexity()), pct(c.rate()), c.longestSpan() + " words", pct(ck.rate()));
            chart.bar(order + "-gram", c.rate(), Canvas.PALETTE[0]);
            knMax = Math.max(knMax, ck.rate());
            samples.add(text);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("order", order);
            r.put("val_ppl_kn", Rounding.places(e.perplexity(), 2));
            r.put("copy_rate", Rounding.places(c.rate(), 3));
            r.put("longest_copy", c.longestSpan());
            r.put("copy_rate_kn", Rounding.places(ck.rate(), 3));
            r.put("longest_copy_kn", ck.longestSpan());
            rows.add(r);
        }
        say.table(t);
        for (int order : new int[] {1, 3, 5}) {
            say.blank();
            say.say(order + "-gram:");
            say.quote(samples.get(order - 1), 4);
        }
        say.blank();
        say.say("A unigram is word salad; by order 4 or 5 the text is fluent because whole lines come back from the "
                + "play. That is the n-gram's trade-off: a long context only works where the training text already "
                + "said it. Kneser-Ney passes mass down to shorter contexts, so it copies less and, on unseen text, "
                + "predicts better (lower perplexity), but it stops improving after 3 or 4 words.");
        chart.subtitle(String.format(Locale.ROOT, "tiny Shakespeare, %d tokens sampled per order with stupid backoff (Kneser-Ney sampling: at most %.0f%%)",
                TOKENS, 100 * knMax));
        ctx.wrote(chart.save(ctx.picture("copy-rate.png")));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("orders", rows);
        @SuppressWarnings("unchecked")
        Map<String, Object> top = rows.get(rows.size() - 1);
        return new StepResult(String.format(Locale.ROOT, "%d-gram sample: %s copied, longest run %s words", WordModels.MAX_ORDER,
                pct((Double) top.get("copy_rate")), top.get("longest_copy")), f);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }
}
