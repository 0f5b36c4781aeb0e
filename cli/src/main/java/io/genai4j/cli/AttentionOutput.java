package io.genai4j.cli;

import io.genai4j.course.attention.AttentionPicture;
import io.genai4j.models.attention.AttentionMaps;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How every "attention" command reports: the tokens, one line per layer naming the key each query
 * attends to most (summed over heads), the PNG grid, and with --json the weights
 * [layer][head][T][T] as one JSON line.
 */
public final class AttentionOutput {
    private AttentionOutput() {}

    public static void print(AttentionMaps maps, Path png, boolean json) {
        Path written = AttentionPicture.png(maps, png);
        List<String> tokens = maps.tokens();
        System.out.println("tokens: " + String.join(" ", tokens));
        for (int l = 0; l < maps.layers(); l++) {
            int[] best = maps.strongestKeys(l);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) b.append(i == 0 ? "" : "  ").append(tokens.get(i)).append("->").append(tokens.get(best[i]));
            System.out.printf(Locale.ROOT, "layer %d: %s%n", l, b);
        }
        System.out.println("Picture: " + written);
        if (json) {
            new Report().put("model", maps.model()).put("text", maps.text()).put("tokens", tokens).put("layers", maps.layers())
                    .put("heads", maps.heads()).put("png", written.toString()).put("weights", maps.jsonWeights()).printJson(System.out);
        }
    }
}
