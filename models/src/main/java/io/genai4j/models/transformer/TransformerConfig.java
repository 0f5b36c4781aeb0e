package io.genai4j.models.transformer;

import io.genai4j.engine.io.JsonFields;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.translation.TranslationCheckpoint;
import java.util.Map;

/**
 * The encoder-decoder's sizes with the paper's names: N layers in each stack, d_model, h heads,
 * d_ff, P_drop, plus the shared vocabulary and the longest sequence the positional table covers.
 * The paper's base model is N = 6, d_model = 512, h = 8, d_ff = 2048, P_drop = 0.1.
 */
public record TransformerConfig(int vocab, int layers, int dModel, int heads, int dFf, float dropout, int maxLen) {
    public TransformerConfig {
        if (vocab < 4 || layers < 1 || dModel < 1 || heads < 1 || dFf < 1 || maxLen < 2) throw new IllegalArgumentException("transformer sizes must be positive");
        if (dModel % heads != 0) throw new IllegalArgumentException("d_model " + dModel + " is not divisible by " + heads + " heads");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
    }

    public Map<String, Object> toMap() {
        return JsonFields.ordered("vocab_size", vocab, "layers", layers, "d_model", dModel, "heads", heads, "d_ff", dFf,
                "dropout", Rounding.places(dropout, 6), "max_len", maxLen);
    }

    /** Reads the map written by {@link #toMap} from a checkpoint's config.json. */
    public static TransformerConfig fromMap(Map<String, Object> m) {
        JsonFields f = new JsonFields(m, TranslationCheckpoint.CONFIG);
        int vocab = f.integer("vocab_size"), layers = f.integer("layers"), dModel = f.integer("d_model"), heads = f.integer("heads");
        int dFf = f.integer("d_ff"), maxLen = f.integer("max_len");
        float dropout = (float) f.number("dropout");
        return f.checked(() -> new TransformerConfig(vocab, layers, dModel, heads, dFf, dropout, maxLen));
    }
}
