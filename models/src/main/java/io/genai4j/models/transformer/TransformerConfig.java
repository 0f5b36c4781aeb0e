package io.genai4j.models.transformer;

import io.genai4j.engine.util.Rounding;
import io.genai4j.models.translation.TranslationCheckpoint;
import java.util.LinkedHashMap;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vocab_size", vocab);
        m.put("layers", layers);
        m.put("d_model", dModel);
        m.put("heads", heads);
        m.put("d_ff", dFf);
        m.put("dropout", Rounding.places(dropout, 6));
        m.put("max_len", maxLen);
        return m;
    }

    public static TransformerConfig fromMap(Map<String, Object> m) {
        return new TransformerConfig(TranslationCheckpoint.intOf(m, "vocab_size"), TranslationCheckpoint.intOf(m, "layers"),
                TranslationCheckpoint.intOf(m, "d_model"), TranslationCheckpoint.intOf(m, "heads"), TranslationCheckpoint.intOf(m, "d_ff"),
                (float) TranslationCheckpoint.doubleOf(m, "dropout"), TranslationCheckpoint.intOf(m, "max_len"));
    }
}
