package io.genai4j.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and punctuation marks as tokens, the unit of the classic n-gram lessons.
 *
 * <p>A word is a run of letters, marks and digits, which may contain inner apostrophes and hyphens
 * ({@code o'er}, {@code well-a-day}); every other non-space code point (punctuation, emoji, a lone
 * surrogate) is a token of its own; a line break is a token too, so generated text keeps the play's
 * layout. Other whitespace is dropped, and {@link #decode} puts back the spacing English expects
 * (none before {@code ,.;:!?}, none after an opening bracket). So {@code decode} is readable rather
 * than exact, but it is stable: {@code encode(decode(encode(s))) == encode(s)}.
 *
 * <p>Id 0 is {@code <unk>}: the vocabulary comes from the training text, and words outside it encode
 * to 0 (callers say so in their output).
 */
public final class WordTokenizer implements Tokenizer {
    public static final String UNK = "<unk>";
    public static final int UNK_ID = 0;

    private static final Pattern PIECE = Pattern.compile(
            "\\n|[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final String[] words;
    private final Map<String, Integer> ids;

    private WordTokenizer(String[] words) {
        if (words.length == 0 || !UNK.equals(words[0])) throw new IllegalArgumentException("word vocabulary must start with " + UNK);
        this.words = words;
        this.ids = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            if (ids.put(words[i], i) != null) throw new IllegalArgumentException("duplicate word in vocabulary: " + words[i]);
        }
    }

    /** Vocabulary = {@code <unk>} then every piece of {@code text}, most frequent first (ties by string order). */
    public static WordTokenizer fit(String text) {
        Map<String, int[]> counts = new HashMap<>();
        for (String p : split(text)) counts.computeIfAbsent(p, k -> new int[1])[0]++;
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        String[] words = new String[entries.size() + 1];
        words[0] = UNK;
        for (int i = 0; i < entries.size(); i++) words[i + 1] = entries.get(i).getKey();
        return new WordTokenizer(words);
    }

    /** Rebuilds a tokenizer from a saved vocabulary ({@code words[0]} must be {@code <unk>}). */
    public static WordTokenizer of(String[] words) {
        return new WordTokenizer(words.clone());
    }

    public String[] words() {
        return words.clone();
    }

    /** The pieces of {@code text} in order: words, punctuation marks and line breaks. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>(text.length() / 4 + 1);
        Matcher m = PIECE.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** True for a piece that is a word (starts with a letter, mark or digit), not punctuation or a line break. */
    public static boolean isWord(String piece) {
        if (piece.isEmpty()) return false;
        int cp = piece.codePointAt(0);
        return Character.isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** The id of a piece, or -1 when it is not in the vocabulary. */
    public int idOf(String piece) {
        Integer id = ids.get(piece);
        return id == null ? -1 : id;
    }

    @Override
    public int[] encode(String text) {
        List<String> pieces = split(text);
        int[] out = new int[pieces.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(pieces.get(i));
            out[i] = id == null ? UNK_ID : id;
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        String[] pieces = new String[ids.length];
        for (int i = 0; i < ids.length; i++) pieces[i] = words[ids[i]];
        return join(Arrays.asList(pieces));
    }

    /**
     * Joins pieces with the spacing English expects. An apostrophe right after a word closes it
     * ({@code lovers'}); anywhere else it opens the next word ({@code 'tis}).
     */
    public static String join(List<String> pieces) {
        StringBuilder b = new StringBuilder();
        String prev = null;
        boolean prevOpens = true; // the start of text behaves like an opening bracket
        for (String p : pieces) {
            boolean opens;
            boolean space;
            if (p.equals("'") || p.equals("’")) {
                boolean closesWord = prev != null && isWord(prev);
                space = !closesWord && !prevOpens;
                opens = !closesWord;
            } else {
                space = !prevOpens && !p.equals("\n") && !isCloser(p);
                opens = p.equals("\n") || isOpener(p);
            }
            if (space) b.append(' ');
            b.append(p);
            prev = p;
            prevOpens = opens;
        }
        return b.toString();
    }

    private static boolean isCloser(String p) {
        return p.length() == 1 && ".,;:!?)]}".indexOf(p.charAt(0)) >= 0;
    }

    private static boolean isOpener(String p) {
        return p.length() == 1 && "([{".indexOf(p.charAt(0)) >= 0;
    }

    @Override
    public int vocabSize() {
        return words.length;
    }

    @Override
    public String display(int id) {
        return Tokenizer.visible(words[id]);
    }

    @Override
    public String kind() {
        return "word";
    }
}
