package io.genai4j.course.attention;

import io.genai4j.course.chart.HeatmapGrid;
import io.genai4j.models.attention.AttentionMaps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Attention maps as a picture: the layer × head grid of heatmaps, one PNG. The models compute the
 * weights ({@link AttentionMaps}); drawing them is the course's job, so the library stays free of AWT.
 */
public final class AttentionPicture {
    private AttentionPicture() {}

    /** Writes the grid to {@code file} and returns the path written. */
    public static Path png(AttentionMaps maps, Path file) {
        List<String> rows = new ArrayList<>(), cols = new ArrayList<>();
        for (int l = 0; l < maps.layers(); l++) rows.add("Layer " + l);
        for (int h = 0; h < maps.heads(); h++) cols.add("head " + h);
        return new HeatmapGrid("Attention of " + maps.model() + ": " + maps.layers() + " layers x " + maps.heads() + " heads",
                rows, cols, maps.tokens(), maps.weights())
                .subtitle("\"" + maps.text() + "\"  -  row = query token, column = key token, darker = more attention (sqrt scale)").save(file);
    }
}
