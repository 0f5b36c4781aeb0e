package io.genai4j.text.wordpiece;

import java.util.List;

/**
 * How special tokens wrap a sequence or a pair (tokenizer.json's TemplateProcessing). BERT's:
 * <pre>
 *   single:  [CLS] A [SEP]              type ids 0 0 0
 *   pair:    [CLS] A [SEP] B [SEP]      type ids 0 0 0 1 1
 * </pre>
 * A piece is either a special token (id ≥ 0) or the sequence A (id = -1) or B (id = -2).
 */
public record Template(List<Piece> single, List<Piece> pair) {
    public static final int SEQ_A = -1, SEQ_B = -2;

    public record Piece(int id, int typeId) {}

    public static Template bert(int cls, int sep) {
        return new Template(
                List.of(new Piece(cls, 0), new Piece(SEQ_A, 0), new Piece(sep, 0)),
                List.of(new Piece(cls, 0), new Piece(SEQ_A, 0), new Piece(sep, 0), new Piece(SEQ_B, 1), new Piece(sep, 1)));
    }

    /** Number of special tokens the template adds. */
    public int added(boolean isPair) {
        int n = 0;
        for (Piece p : isPair ? pair : single) if (p.id >= 0) n++;
        return n;
    }
}
