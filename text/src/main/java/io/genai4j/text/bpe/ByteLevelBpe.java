package io.genai4j.text.bpe;

import io.genai4j.text.Tokenizer;
import io.genai4j.text.prim.IntArrayBuilder;
import io.genai4j.text.prim.LongIntMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE as in GPT-2: text → pre-tokenizer pieces → UTF-8 bytes → one token per byte →
 * repeatedly merge the adjacent pair with the lowest merge rank (the order merges were learned in)
 * until no learned pair is left. Every byte is a token, so any string encodes without {@code <unk>}.
 *
 * <p>Tokens are stored as strings in GPT-2's {@link ByteAlphabet} so the vocabulary reads and writes
 * {@code encoder.json} / {@code vocab.bpe} unchanged. Special tokens ({@code <|endoftext|>}) are
 * vocabulary entries that are neither a byte nor a merge; {@link #encode} treats text as plain text
 * (as the reference encoder does), {@link #encodeWithSpecials} recognises them.
 */
public final class ByteLevelBpe implements Tokenizer {
    private static final int CACHE_LIMIT = 1 << 16;

    private final String[] tokens;             // id -> token (byte alphabet) or special text
    private final Map<String, Integer> ids;
    private final int[] byteIds = new int[256]; // byte value -> id of its one-byte token, -1 if none
    private final LongIntMap rankOfPair;       // pack(leftId, rightId) -> merge rank
    private final int[] mergeLeft, mergeRight, mergeResult; // by rank
    private final Map<String, Integer> specials;
    private final boolean[] special;           // decoded as raw text, not through the byte alphabet
    private final PreTokenizer pre;
    private final boolean ignoreMerges;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    /**
     * GPT-2's files: every token that is neither a byte nor made by a merge is special, the
     * pre-tokenizer is GPT-2's, and anything inconsistent is an error.
     *
     * @param vocab  token string (byte alphabet) -> id; ids must be 0..size-1 without gaps
     * @param merges pairs of token strings, in rank order
     */
    public ByteLevelBpe(Map<String, Integer> vocab, List<String[]> merges) {
        this(byId(vocab), merges, null, Gpt2PreTokenizer.INSTANCE, false, true);
    }

    /**
     * A vocabulary from a model file (GGUF metadata or tokenizer.json): tokens by id, merges in
     * rank order, which tokens are special (control or user-defined: their text is used as is), the
     * pre-tokenizer, and llama.cpp's ignore_merges (Llama 3: a piece that is itself a token is not
     * split). As in llama.cpp, merges naming unknown tokens are skipped and missing byte tokens
     * drop their bytes.
     */
    public static ByteLevelBpe of(String[] tokens, List<String[]> merges, boolean[] special, PreTokenizer pre, boolean ignoreMerges) {
        return new ByteLevelBpe(tokens.clone(), merges, special.clone(), pre, ignoreMerges, false);
    }

    private static String[] byId(Map<String, Integer> vocab) {
        int n = vocab.size();
        String[] t = new String[n];
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int id = e.getValue();
            if (id < 0 || id >= n || t[id] != null) throw new IllegalArgumentException("vocabulary ids must be 0.." + (n - 1) + " without duplicates; bad id " + id);
            t[id] = e.getKey();
        }
        return t;
    }

    private ByteLevelBpe(String[] tokens, List<String[]> merges, boolean[] specialIn, PreTokenizer pre, boolean ignoreMerges, boolean strict) {
        int n = tokens.length;
        this.tokens = tokens;
        this.pre = pre;
        this.ignoreMerges = ignoreMerges;
        ids = new HashMap<>(n * 2);
        for (int id = 0; id < n; id++) ids.put(tokens[id], id);
        boolean[] made = new boolean[n];
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(String.valueOf(ByteAlphabet.charOf(b)));
            if (id == null && strict) throw new IllegalArgumentException(String.format("vocabulary lacks the token for byte 0x%02X", b));
            byteIds[b] = id == null ? -1 : id;
            if (id != null) made[id] = true;
        }
        int m = merges.size();
        rankOfPair = new LongIntMap(m);
        int[] left = new int[m], right = new int[m], result = new int[m];
        int kept = 0;
        for (int r = 0; r < m; r++) {
            String[] p = merges.get(r);
            Integer a = ids.get(p[0]), b = ids.get(p[1]), ab = ids.get(p[0] + p[1]);
            if (a == null || b == null || ab == null) {
                if (strict) throw new IllegalArgumentException("merge " + (r + 1) + " '" + p[0] + " " + p[1] + "' uses or makes a token missing from the vocabulary");
                continue;
            }
            left[kept] = a;
            right[kept] = b;
            result[kept] = ab;
            made[ab] = true;
            rankOfPair.putIfAbsent(LongIntMap.pack(a, b), kept); // keep the first (lowest) rank of a repeated pair
            kept++;
        }
        mergeLeft = Arrays.copyOf(left, kept);
        mergeRight = Arrays.copyOf(right, kept);
        mergeResult = Arrays.copyOf(result, kept);
        specials = new LinkedHashMap<>();
        special = specialIn != null ? specialIn : new boolean[n];
        for (int id = 0; id < n; id++) {
            if (specialIn == null && !made[id]) special[id] = true;
            if (special[id]) specials.put(tokens[id], id);
        }
    }

    /** Loads GPT-2's (or any byte-level BPE's) {@code encoder.json} and {@code vocab.bpe}. */
    public static ByteLevelBpe load(Path dir) throws IOException {
        return Gpt2Files.load(dir);
    }

    /** Encodes plain text: special-token strings are ordinary text here, as in the reference encoder. */
    @Override
    public int[] encode(String text) {
        IntArrayBuilder out = new IntArrayBuilder(text.length() / 3 + 4);
        encodeInto(text, out);
        return out.toArray();
    }

    /** Like {@link #encode}, but a special token's text (e.g. {@code <|endoftext|>}) becomes its id. */
    public int[] encodeWithSpecials(String text) {
        IntArrayBuilder out = new IntArrayBuilder(text.length() / 3 + 4);
        int start = 0;
        while (start < text.length()) {
            int best = -1;
            String bestSpecial = null;
            for (String s : specials.keySet()) {
                int at = text.indexOf(s, start);
                if (at >= 0 && (best < 0 || at < best || at == best && s.length() > bestSpecial.length())) {
                    best = at;
                    bestSpecial = s;
                }
            }
            if (best < 0) {
                encodeInto(text.substring(start), out);
                break;
            }
            encodeInto(text.substring(start, best), out);
            out.add(specials.get(bestSpecial));
            start = best + bestSpecial.length();
        }
        return out.toArray();
    }

    /** Encodes plain text (no special tokens) and appends the ids to out. */
    public void encodeInto(String text, IntArrayBuilder out) {
        pre.split(text, piece -> {
            int[] pieceIds = cache.get(piece);
            if (pieceIds == null) {
                byte[] buf = new byte[piece.length() * 3];
                int len = Utf8.encode(piece, 0, piece.length(), buf);
                pieceIds = null;
                if (ignoreMerges) {
                    Integer whole = ids.get(ByteAlphabet.encode(buf, 0, len));
                    if (whole != null) pieceIds = new int[] {whole};
                }
                if (pieceIds == null) pieceIds = merge(buf, len);
                if (cache.size() >= CACHE_LIMIT) cache.clear(); // bounded: pieces follow Zipf, a reset is cheap
                cache.put(piece, pieceIds);
            }
            for (int id : pieceIds) out.add(id);
        });
    }

    /** The pre-tokenizer this BPE cuts text with. */
    public PreTokenizer preTokenizer() {
        return pre;
    }

    /**
     * The BPE loop on one piece: find the adjacent pair with the lowest rank, merge every
     * occurrence of it left to right (so "aaa" with merge a+a gives "aa","a"), repeat.
     */
    int[] merge(byte[] bytes, int byteLen) {
        int[] w = new int[byteLen];
        int len = 0;
        boolean missing = false;
        for (int i = 0; i < byteLen; i++) {
            // A byte without a token stays in place as a symbol that merges with nothing and is
            // dropped at the end, as llama.cpp does: dropping it first would let its neighbours merge
            // (Falcon has no token for \v: " \v " is two spaces, not the two-space token).
            int id = byteIds[bytes[i] & 0xff];
            w[len++] = id;
            missing |= id < 0;
        }
        while (len > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < len; i++) {
                if (w[i] < 0 || w[i + 1] < 0) continue;
                int r = rankOfPair.get(LongIntMap.pack(w[i], w[i + 1]));
                if (r >= 0 && r < best) best = r;
            }
            if (best == Integer.MAX_VALUE) break;
            len = PairMerge.apply(w, len, mergeLeft[best], mergeRight[best], mergeResult[best]);
        }
        if (missing) {
            int j = 0;
            for (int i = 0; i < len; i++) if (w[i] >= 0) w[j++] = w[i];
            len = j;
        }
        return len == w.length ? w : Arrays.copyOf(w, len);
    }

    /** Forgets the cached piece encodings (benchmarks use this to time a cold start). */
    public void clearCache() {
        cache.clear();
    }

    @Override
    public String decode(int[] idList) {
        return new String(bytes(idList), StandardCharsets.UTF_8);
    }

    /** The bytes the ids stand for (a token may hold part of a UTF-8 character). */
    public byte[] bytes(int[] idList) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(idList.length * 4);
        for (int id : idList) {
            if (id < 0 || id >= tokens.length) throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + tokens.length);
            out.writeBytes(tokenBytes(id));
        }
        return out.toByteArray();
    }

    /**
     * The bytes one token stands for: a special token's text as UTF-8, a normal token's bytes
     * through the byte alphabet (a character outside it, which a model file may hold, stands for
     * its own UTF-8).
     */
    public byte[] tokenBytes(int id) {
        if (special[id]) return tokens[id].getBytes(StandardCharsets.UTF_8);
        String t = tokens[id];
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length());
        for (int i = 0; i < t.length(); i++) {
            int b = ByteAlphabet.byteOf(t.charAt(i));
            if (b >= 0) out.write(b);
            else out.writeBytes(String.valueOf(t.charAt(i)).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** {@link #tokenBytes}: a token may end inside a UTF-8 character, the next one completes it. */
    @Override
    public byte[] piece(int id) {
        return tokenBytes(id);
    }

    /** True for tokens whose text is used as is (control and user-defined tokens). */
    public boolean isSpecial(int id) {
        return special[id];
    }

    @Override
    public int vocabSize() {
        return tokens.length;
    }

    /** The stored form of a token (GPT-2's byte alphabet, e.g. {@code Ġthe}). */
    public String token(int id) {
        return tokens[id];
    }

    /** The id of a stored token string, or -1. */
    public int idOf(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    public Map<String, Integer> specialTokens() {
        return Map.copyOf(specials);
    }

    public int mergeCount() {
        return mergeLeft.length;
    }

    /** The merges in rank order, as pairs of token strings. */
    public List<String[]> merges() {
        List<String[]> out = new ArrayList<>(mergeLeft.length);
        for (int r = 0; r < mergeLeft.length; r++) out.add(new String[] {tokens[mergeLeft[r]], tokens[mergeRight[r]]});
        return out;
    }

    /** The vocabulary as token string -> id. */
    public Map<String, Integer> vocabulary() {
        return Map.copyOf(ids);
    }

    @Override
    public String display(int id) {
        if (special[id]) return tokens[id];
        byte[] b = tokenBytes(id);
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return Tokenizer.visible(decoder.decode(ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            StringBuilder s = new StringBuilder(); // part of a multi-byte character: show the bytes
            for (byte x : b) s.append(String.format("<%02X>", x & 0xff));
            return s.toString();
        }
    }

    @Override
    public String kind() {
        return "bpe";
    }
}
