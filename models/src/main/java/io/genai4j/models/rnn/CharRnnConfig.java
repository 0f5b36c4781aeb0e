package io.genai4j.models.rnn;

import io.genai4j.engine.io.JsonFields;
import io.genai4j.engine.util.Rounding;
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
        return JsonFields.ordered("cell", cell, "vocab_size", vocab, "embed", embed, "hidden", hidden, "layers", layers,
                "dropout", Rounding.places(dropout, 6));
    }

    /** Reads the map written by {@link #toMap}; names the missing or mistyped field. */
    public static CharRnnConfig fromMap(Map<String, Object> m, String source) {
        JsonFields f = new JsonFields(m, source);
        String cell = f.string("cell");
        int vocab = f.integer("vocab_size"), embed = f.integer("embed"), hidden = f.integer("hidden"), layers = f.integer("layers");
        float dropout = (float) f.number("dropout");
        return f.checked(() -> new CharRnnConfig(cell, vocab, embed, hidden, layers, dropout));
    }

    /** "LSTM 2×256" */
    public String shortName() {
        return cell.toUpperCase(Locale.ROOT) + " " + layers + "×" + hidden;
    }
}
