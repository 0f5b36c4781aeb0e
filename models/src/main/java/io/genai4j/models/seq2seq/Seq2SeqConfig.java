package io.genai4j.models.seq2seq;

import io.genai4j.engine.io.JsonFields;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.translation.TranslationCheckpoint;
import java.util.Locale;
import java.util.Map;

/**
 * The RNN encoder-decoder's sizes: the recurrent cell (gru or lstm), the attention (bahdanau =
 * additive, luong = dot), the shared vocabulary, embedding width, hidden width (each encoder
 * direction and the decoder), number of stacked layers, dropout.
 */
public record Seq2SeqConfig(String cell, String attention, int vocab, int embed, int hidden, int layers, float dropout) {
    public Seq2SeqConfig {
        cell = cell.toLowerCase(Locale.ROOT);
        attention = attention.toLowerCase(Locale.ROOT);
        if (!cell.equals("gru") && !cell.equals("lstm")) throw new IllegalArgumentException("unknown --cell '" + cell + "': expected gru or lstm");
        if (!attention.equals("bahdanau") && !attention.equals("luong")) {
            throw new IllegalArgumentException("unknown --attention '" + attention + "': expected bahdanau or luong");
        }
        if (vocab < 4 || embed < 1 || hidden < 1 || layers < 1) throw new IllegalArgumentException("seq2seq sizes must be positive");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
    }

    public Map<String, Object> toMap() {
        return JsonFields.ordered("cell", cell, "attention", attention, "vocab_size", vocab, "embed", embed, "hidden", hidden, "layers", layers,
                "dropout", Rounding.places(dropout, 6));
    }

    /** Reads the map written by {@link #toMap} from a checkpoint's config.json. */
    public static Seq2SeqConfig fromMap(Map<String, Object> m) {
        JsonFields f = new JsonFields(m, TranslationCheckpoint.CONFIG);
        String cell = f.string("cell"), attention = f.string("attention");
        int vocab = f.integer("vocab_size"), embed = f.integer("embed"), hidden = f.integer("hidden"), layers = f.integer("layers");
        float dropout = (float) f.number("dropout");
        return f.checked(() -> new Seq2SeqConfig(cell, attention, vocab, embed, hidden, layers, dropout));
    }
}
