package io.genai4j.cli.prompt;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.course.prompting.PromptScore;
import io.genai4j.course.prompting.PromptingChart;
import io.genai4j.course.table.TextTable;
import io.genai4j.engine.util.Rounding;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a prompting run shows its scores: a terminal table always, a bar chart with --png, one JSON line with --json. */
public final class ScoreTable {
    @Option(names = "--png", paramLabel = "FILE", description = "Also draw the accuracies as a bar chart.")
    Path png;
    @Mixin
    JsonOption json;

    /** The table (after {@code heading}), the chart titled {@code title}, and the JSON of {@code settings} plus the results. */
    void show(String heading, String title, List<PromptScore> scores, Report settings) {
        System.out.println(heading);
        print(System.out, scores);
        if (png != null) {
            PromptingChart.render(title, heading, scores).savePng(png);
            System.err.println("wrote " + png);
        }
        if (json.on()) settings.put("results", json(scores)).printJson(System.out);
    }

    static void print(PrintStream out, List<PromptScore> scores) {
        TextTable t = new TextTable("method", "accuracy", "right", "no answer", "too long", "tokens/item").right(1, 2, 3, 4, 5);
        for (PromptScore s : scores) {
            t.row(s.method(), String.format(Locale.ROOT, "%.1f%%", 100 * s.accuracy()), s.correct() + "/" + s.total(), s.unanswered(), s.tooLong(),
                    String.format(Locale.ROOT, "%.0f", s.tokensPerItem()));
        }
        out.print(t.render(""));
    }

    static List<Map<String, Object>> json(List<PromptScore> scores) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PromptScore s : scores) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("method", s.method());
            o.put("accuracy", Rounding.places(s.accuracy(), 4));
            o.put("correct", s.correct());
            o.put("total", s.total());
            o.put("unanswered", s.unanswered());
            o.put("too_long", s.tooLong());
            o.put("tokens", s.tokens());
            o.put("tokens_per_item", Rounding.places(s.tokensPerItem(), 1));
            rows.add(o);
        }
        return rows;
    }
}
