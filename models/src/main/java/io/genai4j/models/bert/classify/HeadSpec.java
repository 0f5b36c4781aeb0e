package io.genai4j.models.bert.classify;

import io.genai4j.engine.Rng;
import java.util.Locale;
import java.util.Map;

/** Which head to build and how wide: "linear", "mlp" (width 256) or "gru" (width 128 per direction). */
public record HeadSpec(String kind, int width, float dropout) {

    public static HeadSpec of(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "linear" -> new HeadSpec("linear", 0, 0f);
            case "mlp" -> new HeadSpec("mlp", 256, 0.1f);
            case "gru" -> new HeadSpec("gru", 128, 0.1f);
            default -> throw new IllegalArgumentException("unknown head '" + kind + "': expected linear, mlp or gru");
        };
    }

    public HeadSpec withWidth(int w) {
        if (w < 1) throw new IllegalArgumentException("head width must be >= 1, got " + w);
        return new HeadSpec(kind, w, dropout);
    }

    public Head build(int hidden, int classes, long seed) {
        Rng rng = new Rng(seed);
        return switch (kind) {
            case "linear" -> new PooledHeads.LinearHead(hidden, classes, rng);
            case "mlp" -> new PooledHeads.MlpHead(hidden, width, classes, dropout, rng);
            case "gru" -> new GruHead(hidden, width, classes, dropout, rng);
            default -> throw new IllegalArgumentException("unknown head '" + kind + "'");
        };
    }

    /** Rebuilds a head from the shape saved with it. */
    static Head fromShape(String kind, Map<String, String> shape) {
        int hidden = Integer.parseInt(shape.get("hidden")), classes = Integer.parseInt(shape.get("classes"));
        HeadSpec s = of(kind);
        if (shape.containsKey("width")) s = s.withWidth(Integer.parseInt(shape.get("width")));
        return s.build(hidden, classes, 0);
    }
}
