package io.genai4j.models.bert;

/**
 * Sentence embeddings with what truncation did to each text: a text longer than the encoder's
 * {@code max_seq_length} is cut to its first word pieces, as sentence-transformers does, and the
 * caller decides how to tell the user.
 *
 * @param vectors    unit-length embeddings, in input order
 * @param tokens     word pieces the model saw per text, [CLS] and [SEP] included
 * @param fullTokens word pieces each text has before truncation
 * @param maxLength  the encoder's limit ({@link BertEncoder#maxLength()})
 */
public record Embeddings(float[][] vectors, int[] tokens, int[] fullTokens, int maxLength) {

    public boolean truncated(int i) {
        return fullTokens[i] > tokens[i];
    }

    /** How many texts were cut. */
    public int truncatedCount() {
        int n = 0;
        for (int i = 0; i < tokens.length; i++) if (truncated(i)) n++;
        return n;
    }
}
