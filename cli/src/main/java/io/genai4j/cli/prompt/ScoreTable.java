package io.genai4j.cli.prompt;

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

/** The scores of a prompting run as a terminal table, JSON rows and (with --png) a bar chart. */
final class ScoreTable {
    private ScoreTable() {}

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

    static void png(Path file, String title, String subtitle, List<PromptScore> scores) {
        if (file == null) return;
        PromptingChart.render(title, subtitle, scores).savePng(file);
        System.err.println("wrote " + file);
    }
}
