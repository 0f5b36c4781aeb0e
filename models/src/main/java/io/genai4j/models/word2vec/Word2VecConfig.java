package io.genai4j.models.word2vec;

import io.genai4j.engine.io.JsonFields;
import java.util.Locale;
import java.util.Map;

/**
 * word2vec's knobs with the reference tool's names: architecture (skip-gram or CBOW), vector size,
 * window, negative samples, min-count, sub-sampling threshold, epochs (iter), starting alpha.
 */
public record Word2VecConfig(String mode, int dim, int window, int negative, int minCount, double sample, int epochs, double alpha, long seed) {
    public Word2VecConfig {
        mode = mode.toLowerCase(Locale.ROOT);
        if (!mode.equals("skipgram") && !mode.equals("cbow")) throw new IllegalArgumentException("unknown --mode '" + mode + "': expected skipgram or cbow");
        if (dim < 1 || window < 1 || negative < 1 || minCount < 1 || epochs < 1) {
            throw new IllegalArgumentException("--dim, --window, --negative, --min-count and --epochs must be >= 1");
        }
        if (sample < 0 || !(alpha > 0)) throw new IllegalArgumentException("--sample must be >= 0 and --alpha > 0");
    }

    /** The CLI's defaults for a small corpus such as tiny Shakespeare: CBOW, 100 dimensions, window 4, 10 negatives, min-count 5, 15 epochs. */
    public static Word2VecConfig defaults() {
        return new Word2VecConfig("cbow", 100, 4, 10, 5, 1e-3, 15, 0.05, 1);
    }

    public boolean skipGram() {
        return mode.equals("skipgram");
    }

    public Map<String, Object> toMap() {
        return JsonFields.ordered("mode", mode, "dim", dim, "window", window, "negative", negative, "min_count", minCount, "sample", sample,
                "epochs", epochs, "alpha", alpha, "seed", seed);
    }
}
