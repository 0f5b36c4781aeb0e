package io.genai4j.text.vocab;

import io.genai4j.text.prim.IntArrayBuilder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WordPiece as llama.cpp runs it on a GGUF {@code bert} vocabulary (llm_tokenizer_wpm_session), which
 * is close to, but not, Hugging Face's BertTokenizer (io.genai4j.text.wordpiece reads that one):
 * <ul>
 *   <li>the GGUF stores word-initial pieces with a ▁ prefix and continuation pieces bare (the
 *       converter turned {@code ##ing} into {@code ing} and {@code the} into {@code ▁the});
 *   <li>unless the file turns them off (tokenizer.ggml.normalizer.lowercase / strip_accents):
 *       each code point becomes the first code point of its NFD form (é → e, but also 한 → ᄒ: a
 *       table lookup, not a real decomposition), combining marks are dropped, letters lowercased;
 *   <li>whitespace ends a word; control and format characters, U+0000 and U+FFFD vanish;
 *       punctuation, ASCII symbols ({@code $+<=>^`|~}) and CJK ideographs are words of one character;
 *   <li>each word, as "▁" + word, is cut greedily into the longest pieces from the left; a word
 *       with a position no piece starts at becomes one {@code [UNK]}.
 * </ul>
 */
final class LlamaCppWordPiece {
    private static final String WORD_START = "\u2581";
    private final Map<String, Integer> ids;
    private final int unk;
    private final int maxTokenChars;
    private final boolean lowercase, stripAccents;

    LlamaCppWordPiece(Map<String, Integer> ids, int unk, boolean lowercase, boolean stripAccents) {
        this.ids = ids;
        this.unk = unk;
        this.lowercase = lowercase;
        this.stripAccents = stripAccents;
        int max = 0;
        for (String t : ids.keySet()) max = Math.max(max, t.length());
        this.maxTokenChars = max;
    }

    void encodeInto(String text, IntArrayBuilder out) {
        for (String word : words(text, lowercase, stripAccents)) {
            String w = WORD_START + word;
            int n = w.length();
            int before = out.size();
            for (int i = 0; i < n; ) {
                int found = -1, end = i;
                for (int j = Math.min(n, i + maxTokenChars); j > i; j--) {
                    Integer id = ids.get(w.substring(i, j));
                    if (id != null) {
                        found = id;
                        end = j;
                        break;
                    }
                }
                if (found < 0) {       // a piece is missing: the whole word is unknown
                    out.truncate(before);
                    break;
                }
                out.add(found);
                i = end;
            }
            if (out.size() == before) out.add(unk);
        }
    }

    /** llama.cpp's preprocess: normalized words, punctuation and CJK characters on their own. */
    static List<String> words(String text, boolean lowercase, boolean stripAccents) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int k = 0; k < text.length(); ) {
            int cp = stripAccents ? firstOfNfd(text.codePointAt(k)) : text.codePointAt(k);
            k += Character.charCount(text.codePointAt(k));
            int type = Character.getType(cp);
            if (isWhitespace(cp)) {
                flush(word, words);
                continue;
            }
            if (cp == 0 || cp == 0xFFFD || isControl(type) || stripAccents && isMark(type)) continue;
            int lower = lowercase ? Character.toLowerCase(cp) : cp;
            if (isPunctuation(type) || cp < 0x7F && isSymbol(type) || isChinese(cp)) {
                flush(word, words);
                words.add(Character.toString(lower));
            } else {
                word.appendCodePoint(lower);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) words.add(word.toString());
        word.setLength(0);
    }

    /** The first code point of cp's canonical decomposition (llama.cpp's unicode_ranges_nfd). */
    private static int firstOfNfd(int cp) {
        if (cp < 0xC0) return cp;
        String s = Character.toString(cp);
        return Normalizer.isNormalized(s, Normalizer.Form.NFD) ? cp : Normalizer.normalize(s, Normalizer.Form.NFD).codePointAt(0);
    }

    /** Unicode White_Space, as llama.cpp's unicode tables have it. */
    static boolean isWhitespace(int c) {
        return c >= 0x09 && c <= 0x0D || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static boolean isControl(int type) {   // \p{C} but unassigned
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isPunctuation(int type) {
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isSymbol(int type) {
        return type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL
                || type == Character.OTHER_SYMBOL;
    }

    /** The CJK ideograph blocks of BERT's _is_chinese_char, with llama.cpp's (and HF's) 0x2B920. */
    private static boolean isChinese(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0x2A700 && c <= 0x2B73F || c >= 0x2B740 && c <= 0x2B81F || c >= 0x2B920 && c <= 0x2CEAF
                || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }
}
