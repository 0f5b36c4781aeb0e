package io.genai4j.models.captioner;

import io.genai4j.engine.util.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-level vocabulary of the grammar: id 0 pads, 1 begins a text ([BOS], GIT's [CLS]), 2 ends it
 * ([EOS], GIT's [SEP]); the grammar's words follow in {@link CaptionGrammar#words()} order.
 */
public final class CaptionVocabulary {
    public static final int PAD = 0, BOS = 1, EOS = 2;
    private static final List<String> SPECIAL = List.of("<pad>", "<bos>", "<eos>");
    private final List<String> words = new ArrayList<>(SPECIAL);
    private final Map<String, Integer> ids = new HashMap<>();

    public CaptionVocabulary() {
        words.addAll(CaptionGrammar.words());
        for (int i = 0; i < words.size(); i++) ids.put(words.get(i), i);
    }

    public int size() {
        return words.size();
    }

    /** The ids of a space-separated text (no BOS or EOS added). */
    public int[] encode(String text) {
        String[] ws = text.trim().split("\\s+");
        int[] out = new int[ws.length];
        for (int i = 0; i < ws.length; i++) {
            Integer id = ids.get(ws[i]);
            if (id == null || id <= EOS) throw new IllegalArgumentException("word " + Printable.of(ws[i]) + " is not in the caption vocabulary");
            out[i] = id;
        }
        return out;
    }

    /** The words of ids, special tokens left out, joined by spaces. */
    public String decode(int[] tokens) {
        List<String> out = new ArrayList<>();
        for (int t : tokens) if (t > EOS) out.add(words.get(t));
        return String.join(" ", out);
    }

    public String word(int id) {
        return words.get(id);
    }
}
