package io.genai4j.course.ngram;

import io.genai4j.course.chart.BarChart;
import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NextToken;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Smoothing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tour step: the distribution over the next word, as a table and a bar chart. */
public final class NextWordStep extends TourStep {
    static final String CONTEXT = "I will";
    static final int TOP = 10;

    public NextWordStep() {
        super(120, "What comes next?");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        NgramModel m = WordModels.words(ctx);
        LanguageModel lm = m.smoothed(Smoothing.KN, 3, Smoothing.Params.DEFAULT);
        say.say("Generating text is asking one question again and again: given the words so far, how likely is "
                + "each possible next word? Here is the trigram model's answer after \"" + CONTEXT + "\" (a line start "
                + "precedes it), over all " + String.format(Locale.ROOT, "%,d", lm.vocabSize()) + " words and marks it knows:");
        say.blank();
        List<NextToken> next = m.next(lm, CONTEXT, TOP);
        TextTable t = new TextTable("#", "next", "probability", "").right(0, 2);
        double max = next.get(0).probability();
        BarChart chart = new BarChart("After \"" + CONTEXT + "\" comes…", "probability").horizontal()
                .subtitle("word trigram, Kneser-Ney, tiny Shakespeare training split").valueFormat("%.3f").size(800, 460);
        List<Map<String, Object>> rows = new ArrayList<>();
        double shown = 0;
        for (int i = 0; i < next.size(); i++) {
            NextToken n = next.get(i);
            t.row(i + 1, n.token(), String.format(Locale.ROOT, "%.3f", n.probability()), "█".repeat((int) Math.round(30 * n.probability() / max)));
            chart.bar(n.token(), n.probability());
            shown += n.probability();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("token", n.token());
            r.put("probability", Rounding.places(n.probability(), 4));
            rows.add(r);
        }
        say.table(t);
        say.note(String.format(Locale.ROOT, "These %d words hold %.0f%% of the probability; the other %.0f%% is spread over the rest of the vocabulary.",
                next.size(), 100 * shown, 100 * (1 - shown)));
        ctx.wrote(chart.save(ctx.picture("next-word.png")));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("context", CONTEXT);
        f.put("next", rows);
        return new StepResult(String.format(Locale.ROOT, "\"%s\" → %s %.2f, %s %.2f, %s %.2f…", CONTEXT, next.get(0).token(), next.get(0).probability(),
                next.get(1).token(), next.get(1).probability(), next.get(2).token(), next.get(2).probability()), f);
    }
}
