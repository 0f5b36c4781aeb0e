package io.genai4j.course.prompting;

import io.genai4j.course.chart.BarChart;
import io.genai4j.course.chart.Canvas;
import java.util.List;

/** The lesson's picture: one bar per way of prompting, its accuracy in percent, tokens per item in the label. */
public final class PromptingChart {
    private PromptingChart() {}

    public static Canvas render(String title, String subtitle, List<PromptScore> scores) {
        BarChart c = new BarChart(title, "accuracy (%)").subtitle(subtitle).valueFormat("%.1f%%").horizontal();
        for (int i = 0; i < scores.size(); i++) {
            PromptScore s = scores.get(i);
            c.bar(String.format(java.util.Locale.ROOT, "%s (%.0f tok/item)", s.method(), s.tokensPerItem()), 100 * s.accuracy(),
                    Canvas.PALETTE[i % Canvas.PALETTE.length]);
        }
        return c.render();
    }
}
