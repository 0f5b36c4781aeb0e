package io.genai4j.text.wordpiece;

import java.util.Arrays;
import java.util.List;

/**
 * Encodings padded to one length, flattened row-major [size, length]: what a BERT encoder takes.
 */
public record Batch(int size, int length, int[] ids, int[] typeIds, int[] attentionMask) {

    /** Builds a batch padded (on the right) to the longest encoding, or to at least minLength. */
    public static Batch of(List<Encoding> encodings, int padId, int padToMultipleOf) {
        int len = 0;
        for (Encoding e : encodings) len = Math.max(len, e.length());
        if (padToMultipleOf > 1 && len % padToMultipleOf != 0) len += padToMultipleOf - len % padToMultipleOf;
        int b = encodings.size();
        int[] ids = new int[b * len], types = new int[b * len], mask = new int[b * len];
        Arrays.fill(ids, padId);
        for (int i = 0; i < b; i++) {
            Encoding e = encodings.get(i);
            System.arraycopy(e.ids(), 0, ids, i * len, e.length());
            System.arraycopy(e.typeIds(), 0, types, i * len, e.length());
            System.arraycopy(e.attentionMask(), 0, mask, i * len, e.length());
        }
        return new Batch(b, len, ids, types, mask);
    }

    /** Real tokens in row i. */
    public int realLength(int i) {
        int n = 0;
        for (int j = 0; j < length; j++) n += attentionMask[i * length + j];
        return n;
    }
}
