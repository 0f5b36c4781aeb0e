package io.genai4j.course.ladder;

import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.util.Rounding;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tour's last step: the ladder of every model so far, as a table and a bar chart. */
public final class LadderStep extends TourStep {
    public LadderStep() {
        super(900, "The ladder: from simple to complex");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        LadderData data = LadderData.of(ctx.corpus(), ctx.seed(), 80);
        int v = data.chars().vocabSize();
        say.say("Every model so far, trained on the same 90% and scored on the same last 10% of the text, one "
                + "character at a time: the cross-entropy in nats per character (bits = nats ÷ ln 2). A model "
                + "that knew nothing would pay ln " + v + " = " + String.format(Locale.ROOT, "%.2f", Math.log(v))
                + " nats for each of the " + v + " characters. Each rung looks further back and pays less.");
        say.blank();
        int nameWidth = Ladder.nameWidth();
        List<LadderResult> results = Ladder.run(data, r -> say.note(Ladder.progressLine(r, nameWidth)));
        say.blank();
        say.table(Ladder.table(results));
        Path png = Ladder.chart(results, ctx.corpus().name(), ctx.picture("ladder.png"));
        ctx.wrote(png);
        LadderResult best = results.get(0);
        for (LadderResult r : results) if (r.valNatsPerChar() < best.valNatsPerChar()) best = r;
        say.blank();
        LadderResult bestNgram = results.stream().filter(r -> r.family().equals("n-gram"))
                .min(Comparator.comparingDouble(LadderResult::valNatsPerChar)).orElse(best);
        if (best == bestNgram) {
            say.say("Later lessons add their rungs here (an LSTM, a small GPT): they have to beat "
                    + String.format(Locale.ROOT, "%.3f", best.valNatsPerChar()) + " nats/char to earn their place.");
        } else {
            say.say(String.format(Locale.ROOT, "Counting stops paying at the %s (%.3f): a longer context only makes exact "
                    + "matches rarer. The %s goes below it (%.3f) because it learns which earlier characters matter "
                    + "instead of looking them up — at the price of parameters and training time.",
                    bestNgram.name(), bestNgram.valNatsPerChar(), best.name(), best.valNatsPerChar()));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ladder", results.stream().map(LadderStep::json).toList());
        return new StepResult(String.format(Locale.ROOT, "best: %s, %.3f nats/char on val", best.name(), best.valNatsPerChar()), f);
    }

    /** A ladder row as JSON fields. */
    public static Map<String, Object> json(LadderResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.name());
        m.put("family", r.family());
        m.put("size", r.size());
        m.put("size_unit", r.sizeUnit());
        m.put("val_nats_per_char", Rounding.places(r.valNatsPerChar(), 4));
        m.put("val_bits_per_char", Rounding.places(r.bitsPerChar(), 4));
        m.put("seconds", Rounding.places(r.seconds(), 2));
        m.put("sample", r.sample());
        return m;
    }
}
