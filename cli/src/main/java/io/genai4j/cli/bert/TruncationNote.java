package io.genai4j.cli.bert;

import io.genai4j.models.bert.Embeddings;
import java.util.Locale;

/** The line the bert commands print when texts were longer than the model's input limit. */
final class TruncationNote {
    private TruncationNote() {}

    /** "note: 1 of 3 texts was cut to ..." or null when nothing was cut. */
    static String of(Embeddings e, String model) {
        int cut = e.truncatedCount();
        if (cut == 0) return null;
        int longest = 0;
        for (int i = 0; i < e.fullTokens().length; i++) longest = Math.max(longest, e.fullTokens()[i]);
        return String.format(Locale.ROOT, "note: %d of %d text%s %s cut to %s's limit of %d word pieces (the longest has %d);"
                        + " the rest of %s is not in the embedding, as with sentence-transformers",
                cut, e.tokens().length, e.tokens().length == 1 ? "" : "s", cut == 1 ? "was" : "were", model, e.maxLength(), longest,
                cut == 1 ? "it" : "them");
    }
}
