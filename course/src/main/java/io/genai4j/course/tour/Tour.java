package io.genai4j.course.tour;

import io.genai4j.course.table.TextTable;
import io.genai4j.engine.util.Rounding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * {@code genai tour}: every lesson that exists, narrated, on the bundled data. Steps come from
 * {@link ServiceLoader} so a new lesson adds a step without editing this class. It lives in the
 * course, above the models it narrates; the CLI only parses flags.
 */
public final class Tour {
    private Tour() {}

    public static List<TourStep> steps() {
        List<TourStep> out = new ArrayList<>();
        ServiceLoader.load(TourStep.class).forEach(out::add);
        out.sort(Comparator.comparingInt(TourStep::position));
        return out;
    }

    /** Runs the steps in order and prints the summary; returns the figures for JSON. */
    public static Map<String, Object> run(TourContext ctx, List<TourStep> steps) throws Exception {
        Narrator say = ctx.say();
        say.banner("genai tour — generative AI in pure Java, from n-grams up",
                steps.size() + " steps on " + ctx.corpus().name() + " (" + String.format(Locale.ROOT, "%,d", ctx.corpus().text().length())
                        + " characters), seed " + ctx.seed());
        long start = System.nanoTime();
        List<Map<String, Object>> results = new ArrayList<>();
        TextTable summary = new TextTable("#", "step", "result", "time").right(0, 3).maxWidth(2, 64);
        for (int i = 0; i < steps.size(); i++) {
            TourStep s = steps.get(i);
            say.heading(i + 1, steps.size(), s.title());
            long t0 = System.nanoTime();
            StepResult r = s.run(ctx);
            double secs = (System.nanoTime() - t0) / 1e9;
            summary.row(i + 1, s.title(), r.headline(), String.format(Locale.ROOT, "%.1f s", secs));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("step", s.title());
            j.put("seconds", Rounding.places(secs, 2));
            j.put("headline", r.headline());
            j.putAll(r.figures());
            results.add(j);
        }
        double total = (System.nanoTime() - start) / 1e9;
        say.section("Summary");
        say.table(summary);
        say.blank();
        if (!ctx.pictures().isEmpty()) {
            say.say("Pictures:");
            for (var p : ctx.pictures()) say.out().println("  " + p);
        }
        say.say(String.format(Locale.ROOT, "Done in %.1f s.", total));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", ctx.corpus().name());
        json.put("seed", ctx.seed());
        json.put("total_seconds", Rounding.places(total, 2));
        json.put("pictures", ctx.pictures().stream().map(Object::toString).toList());
        json.put("steps", results);
        return json;
    }
}
