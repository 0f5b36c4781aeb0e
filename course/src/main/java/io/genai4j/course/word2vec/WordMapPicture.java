package io.genai4j.course.word2vec;

import io.genai4j.course.chart.ScatterPlot;
import io.genai4j.models.word2vec.WordMap;
import java.nio.file.Path;

/**
 * A {@link WordMap} as a scatter plot: each word at its two principal components, an arrow A → B
 * for each pair. Words that start an arrow and words that end one get different colours, so
 * parallel arrows (man → woman, king → queen) stand out.
 */
public final class WordMapPicture {
    private WordMapPicture() {}

    public static Path save(WordMap map, Path png, String title) {
        ScatterPlot p = new ScatterPlot(title, "PC 1", "PC 2").subtitle("unit-length vectors, centred; arrows: A → B for each pair A:B given");
        for (int i = 0; i < map.words().size(); i++) p.point(map.words().get(i), map.xy()[i][0], map.xy()[i][1], group(map.role(i)));
        for (int[] a : map.arrows()) p.arrow(a[0], a[1]);
        return p.save(png);
    }

    /** The palette slot of each role (the colours the map has always used). */
    private static int group(WordMap.Role role) {
        return switch (role) {
            case FROM -> 0;
            case TO -> 3;
            case ALONE -> 2;
        };
    }
}
