package io.genai4j.models.bert;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The input limit sentence-transformers gives a model folder: {@code max_seq_length} of
 * sentence_bert_config.json; without it the tokenizer's {@code model_max_length}
 * (tokenizer_config.json); either capped by the position table, which is the limit when neither
 * file says anything.
 */
final class MaxSeqLength {
    private MaxSeqLength() {}

    static int of(Path dir, int maxPositions) throws IOException {
        int cap = Math.min(WordPieceTokenizer.DEFAULT_MAX_LENGTH, maxPositions);
        if (dir == null) return cap;
        Integer st = read(dir.resolve("sentence_bert_config.json"), "max_seq_length");
        if (st != null) return Math.min(st, maxPositions);
        Integer tok = read(dir.resolve("tokenizer_config.json"), "model_max_length");
        return tok != null ? Math.min(tok, maxPositions) : cap;
    }

    /** A positive whole number under key, null when the file or key is absent. */
    private static Integer read(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        Object v;
        try {
            v = Json.parse(Files.readAllBytes(file)) instanceof Map<?, ?> m ? m.get(key) : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage(), e);
        }
        if (v == null) return null;
        if (v instanceof Number n && n.doubleValue() >= 3 && n.doubleValue() == Math.floor(n.doubleValue())) {
            return (int) Math.min(n.doubleValue(), Integer.MAX_VALUE);   // HF writes 1e30 for "no limit"
        }
        throw new IllegalArgumentException(file + ": " + key + " must be a whole number of tokens >= 3, got " + Printable.of(String.valueOf(v)));
    }
}
