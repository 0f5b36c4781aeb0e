package io.genai4j.models.rnn;

import io.genai4j.engine.util.Rounding;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A character-level recurrent language model's sizes: cell (rnn, gru, lstm), vocabulary, embedding, hidden, layers, dropout. */
public record CharRnnConfig(String cell, int vocab, int embed, int hidden, int layers, float dropout) {
    public CharRnnConfig {
        cell = cell.toLowerCase(Locale.ROOT);
        if (!cell.equals("rnn") && !cell.equals("gru") && !cell.equals("lstm")) throw new IllegalArgumentException("unknown --cell '" + cell + "': expected rnn, gru or lstm");
        if (vocab < 2 || embed < 1 || hidden < 1 || layers < 1) throw new IllegalArgumentException("RNN sizes must be positive");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", cell);
        m.put("vocab_size", vocab);
        m.put("embed", embed);
        m.put("hidden", hidden);
        m.put("layers", layers);
        m.put("dropout", Rounding.places(dropout, 6));
        return m;
    }

    public static CharRnnConfig fromMap(Map<String, Object> m) {
        try {
            return new CharRnnConfig((String) m.get("cell"), ((Number) m.get("vocab_size")).intValue(), ((Number) m.get("embed")).intValue(),
                    ((Number) m.get("hidden")).intValue(), ((Number) m.get("layers")).intValue(), ((Number) m.get("dropout")).floatValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("RNN config is missing a field: " + m);
        }
    }

    /** "LSTM 2×256" */
    public String shortName() {
        return cell.toUpperCase(Locale.ROOT) + " " + layers + "×" + hidden;
    }
}
