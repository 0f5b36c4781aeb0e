package io.genai4j.text.wordpiece;

import io.genai4j.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * BERT's tokenizer with Hugging Face semantics: added/special tokens matched in the raw text, then
 * {@link BertNormalizer}, {@link BertPreTokenizer}, {@link WordPiece}, and a {@link Template} that
 * wraps the pieces in [CLS] ... [SEP] (with token type ids for sentence pairs). Truncation is
 * "longest first", as in tokenizers; padding is to the longest encoding of a batch.
 *
 * <p>{@link #encode(String)} (the course's Tokenizer interface) returns the ids with [CLS] and
 * [SEP], like a BERT model wants them; {@link #decode} drops special tokens and glues "##" pieces.
 * Load from {@link TokenizerJson tokenizer.json} or from a {@code vocab.txt} with
 * {@link #fromVocabTxt}.
 */
public final class WordPieceTokenizer implements Tokenizer {
    /** BERT's position table has 512 rows: the default truncation length. */
    public static final int DEFAULT_MAX_LENGTH = 512;

    private final Map<String, Integer> vocab;
    private final String[] tokens;
    private final BertNormalizer normalizer;
    private final WordPiece wordPiece;
    private final List<AddedToken> rawAdded, normalizedAdded;
    private final boolean[] special;
    private final Template template;
    private final int padId;

    public WordPieceTokenizer(Map<String, Integer> vocab, BertNormalizer normalizer, WordPiece wordPiece,
                              List<AddedToken> added, Template template, int padId) {
        this.vocab = vocab;
        this.normalizer = normalizer;
        this.wordPiece = wordPiece;
        this.template = template;
        this.padId = padId;
        int size = 0;
        for (int id : vocab.values()) size = Math.max(size, id + 1);
        for (AddedToken a : added) size = Math.max(size, a.id() + 1);
        tokens = new String[size];
        special = new boolean[size];
        vocab.forEach((t, id) -> tokens[id] = t);
        List<AddedToken> raw = new ArrayList<>(), norm = new ArrayList<>();
        for (AddedToken a : added) {
            tokens[a.id()] = a.content();
            if (a.special()) special[a.id()] = true;
            (a.normalized() ? norm : raw).add(a);
        }
        // Longest first, so "[MASK]x" style overlaps pick the longer token at the same position.
        raw.sort(Comparator.comparingInt((AddedToken a) -> -a.content().length()));
        norm.sort(Comparator.comparingInt((AddedToken a) -> -a.content().length()));
        this.rawAdded = List.copyOf(raw);
        this.normalizedAdded = List.copyOf(norm);
    }

    /** Reads a Hugging Face tokenizer.json (WordPiece model, BertNormalizer, BertPreTokenizer). */
    public static WordPieceTokenizer fromTokenizerJson(Path path) throws IOException {
        return TokenizerJson.read(path);
    }

    /**
     * Reads a BERT vocab.txt (one token per line, id = line number) with the standard BERT special
     * tokens and template; lowercase selects the uncased normaliser.
     */
    public static WordPieceTokenizer fromVocabTxt(Path path, boolean lowercase) throws IOException {
        return VocabTxt.read(path, lowercase);
    }

    // ------------------------------------------------------------------------------------- encoding

    /** The WordPiece ids of a text, without special tokens, not truncated. */
    public int[] tokenize(String text) {
        IntList out = new IntList();
        for (Segment s : splitAdded(text, rawAdded)) {
            if (s.addedId >= 0) {
                out.add(s.addedId);
                continue;
            }
            String normalized = normalizer.normalize(s.text);
            for (Segment n : splitAdded(normalized, normalizedAdded)) {
                if (n.addedId >= 0) {
                    out.add(n.addedId);
                    continue;
                }
                for (String word : BertPreTokenizer.split(n.text)) wordPiece.tokenize(word, out);
            }
        }
        return out.toArray();
    }

    /** [CLS] text [SEP], truncated to maxLength tokens in all. */
    public Encoding encode(String text, int maxLength) {
        return encodePair(text, null, maxLength);
    }

    /** [CLS] a [SEP] b [SEP] with type ids 0…0 1…1, truncated longest-first to maxLength (b may be null). */
    public Encoding encodePair(String a, String b, int maxLength) {
        return encodeTokens(tokenize(a), b == null ? null : tokenize(b), maxLength);
    }

    /**
     * As {@link #encodePair}, from the ids {@link #tokenize} gave (ib may be null): a caller that
     * wants to know whether a text was cut compares {@code ia.length + specialTokens(false)} with
     * maxLength without tokenizing twice.
     */
    public Encoding encodeTokens(int[] ia, int[] ib, int maxLength) {
        int budget = maxLength - template.added(ib != null);
        int[] lens = Truncation.longestFirst(ia.length, ib == null ? -1 : ib.length, Math.max(budget, 0));
        IntList ids = new IntList(), types = new IntList();
        for (Template.Piece p : ib == null ? template.single() : template.pair()) {
            if (p.id() >= 0) {
                ids.add(p.id());
                types.add(p.typeId());
            } else {
                int[] seq = p.id() == Template.SEQ_A ? ia : ib;
                int n = p.id() == Template.SEQ_A ? lens[0] : lens[1];
                for (int i = 0; i < n; i++) {
                    ids.add(seq[i]);
                    types.add(p.typeId());
                }
            }
        }
        int[] mask = new int[ids.size()];
        Arrays.fill(mask, 1);
        return new Encoding(ids.toArray(), types.toArray(), mask);
    }

    /** How many special tokens the template adds to one text ({@code [CLS]}, {@code [SEP]}: 2) or a pair. */
    public int specialTokens(boolean pair) {
        return template.added(pair);
    }

    /** Encodes texts and pads them to the longest one. */
    public Batch encodeBatch(List<String> texts, int maxLength) {
        List<Encoding> es = new ArrayList<>(texts.size());
        for (String t : texts) es.add(encode(t, maxLength));
        return Batch.of(es, padId, 1);
    }

    @Override
    public int[] encode(String text) {
        return encode(text, DEFAULT_MAX_LENGTH).ids();
    }

    // ------------------------------------------------------------------------------------- decoding

    /**
     * Joins tokens into text: special tokens dropped, "##" pieces glued to the previous piece, and
     * the spaces BERT's decoder removes before punctuation and English clitics removed.
     */
    @Override
    public String decode(int[] ids) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) {
            if (id < 0 || id >= tokens.length || tokens[id] == null) throw new IllegalArgumentException("token id " + id + " is not in the vocabulary");
            if (special[id]) continue;
            String t = tokens[id];
            if (t.startsWith(wordPiece.prefix())) b.append(t, wordPiece.prefix().length(), t.length());
            else b.append(b.isEmpty() ? "" : " ").append(t);
        }
        return cleanup(b.toString());
    }

    private static String cleanup(String s) {
        return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
                .replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s").replace(" 've", "'ve").replace(" 're", "'re");
    }

    @Override
    public int vocabSize() {
        return tokens.length;
    }

    @Override
    public String display(int id) {
        return id >= 0 && id < tokens.length && tokens[id] != null ? tokens[id] : "<" + id + ">";
    }

    @Override
    public String kind() {
        return "wordpiece";
    }

    /** The id of a token string, or -1. */
    public int id(String token) {
        Integer id = vocab.get(token);
        if (id != null) return id;
        for (AddedToken a : rawAdded) if (a.content().equals(token)) return a.id();
        for (AddedToken a : normalizedAdded) if (a.content().equals(token)) return a.id();
        return -1;
    }

    public boolean isSpecial(int id) {
        return id >= 0 && id < special.length && special[id];
    }

    public int padId() {
        return padId;
    }

    public BertNormalizer normalizer() {
        return normalizer;
    }

    // ------------------------------------------------------------------------------------- added tokens

    private record Segment(String text, int addedId) {}

    /** Splits text at occurrences of added tokens (leftmost match, longest at a position). */
    private static List<Segment> splitAdded(String text, List<AddedToken> added) {
        if (added.isEmpty()) return List.of(new Segment(text, -1));
        List<Segment> out = new ArrayList<>();
        int from = 0, i = 0;
        while (i < text.length()) {
            AddedToken hit = null;
            for (AddedToken a : added) {
                if (text.startsWith(a.content(), i) && (!a.singleWord() || isWordBoundary(text, i, i + a.content().length()))) {
                    hit = a;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int start = i, end = i + hit.content().length();
            if (hit.lstrip()) while (start > from && UnicodeClasses.isWhitespace(text.charAt(start - 1))) start--;
            if (hit.rstrip()) while (end < text.length() && UnicodeClasses.isWhitespace(text.charAt(end))) end++;
            if (start > from) out.add(new Segment(text.substring(from, start), -1));
            out.add(new Segment(hit.content(), hit.id()));
            from = end;
            i = end;
        }
        if (from < text.length()) out.add(new Segment(text.substring(from), -1));
        return out;
    }

    private static boolean isWordBoundary(String s, int start, int end) {
        return (start == 0 || !isWordChar(s.codePointBefore(start))) && (end >= s.length() || !isWordChar(s.codePointAt(end)));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }
}
