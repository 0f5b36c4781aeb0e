package io.genai4j.cli.translate;

import io.genai4j.course.chart.Heatmap;
import io.genai4j.models.translation.Translations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A translation's attention as a target × source heatmap. */
final class AttentionPicture {
    private AttentionPicture() {}

    static Path save(Path png, String title, Translations.Translation t) {
        if (t.attention() == null || t.attention().length == 0) throw new IllegalStateException("this translation has no attention weights");
        List<String> rows = new ArrayList<>(t.targetPieces().subList(0, Math.min(t.targetPieces().size(), t.attention().length)));
        while (rows.size() < t.attention().length) rows.add("?");
        return new Heatmap(title + ": \"" + t.source() + "\"", rows, t.sourcePieces(), t.attention())
                .subtitle("row: target token written at that step; column: source token; shade: attention weight (each row sums to 1)")
                .save(png);
    }
}
