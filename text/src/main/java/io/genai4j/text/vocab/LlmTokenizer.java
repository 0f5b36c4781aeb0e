package io.genai4j.text.vocab;

import io.genai4j.text.Tokenizer;
import io.genai4j.text.bpe.ByteLevelBpe;
import io.genai4j.text.bpe.RegexPreTokenizer;
import io.genai4j.text.bpe.PreTokenizer;
import io.genai4j.text.prim.IntArrayBuilder;
import io.genai4j.text.spm.SentencePieceBpe;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tokenizer of an LLM, as llama.cpp applies it (llama_vocab::impl::tokenize):
 * <ol>
 *   <li>special tokens are cut out of the text first, longest first — user-defined ones always,
 *       control ones ({@code <|eot_id|>}) only when asked to parse specials;
 *   <li>each remaining run of text goes through the model's algorithm: byte-level BPE with the
 *       model's pre-tokenizer, SentencePiece BPE after writing spaces as ▁ (and a ▁ prefix at the
 *       start and after every special token when the model adds a space prefix), or WordPiece
 *       ({@link LlamaCppWordPiece});
 *   <li>BOS/EOS are added when the model says so and the caller asks for special tokens; a
 *       WordPiece vocabulary always gets {@code [CLS]} ... {@code [SEP]} then.
 * </ol>
 */
public final class LlmTokenizer implements Tokenizer {
    private final Vocabulary vocab;
    private final ByteLevelBpe bpe;            // model gpt2
    private final SentencePieceBpe spm;        // model llama
    private final LlamaCppWordPiece wpm;       // model bert
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] specialsByLength;      // the ids cut out of raw text, longest text first
    private final boolean[] lstrip, rstrip;
    private final int[] byteIds = new int[256];
    private final UnaryOperator<String> normalizer;

    public LlmTokenizer(Vocabulary v) {
        this(v, null, null);
    }

    /**
     * With an explicit pre-tokenizer and normalizer (tokenizer.json); null selects llama.cpp's
     * pre-tokenizer by {@code pre}, and no normalization.
     */
    public LlmTokenizer(Vocabulary v, PreTokenizer preTokenizer, UnaryOperator<String> normalizer) {
        this.vocab = v;
        this.normalizer = normalizer;
        String[] t = v.tokens();
        int n = t.length;
        for (int i = 0; i < n; i++) ids.put(t[i], i);   // a repeated text maps to its last id, as in llama.cpp
        Arrays.fill(byteIds, -1);
        for (int b = 0; b < 256; b++) {
            Integer id = ids.get(String.format("<0x%02X>", b));
            if (id != null && v.types()[id] == TokenType.BYTE) byteIds[b] = id;
        }
        if (v.model().equals("gpt2")) {
            boolean[] raw = new boolean[n];
            for (int i = 0; i < n; i++) raw[i] = v.types()[i] != TokenType.NORMAL;
            List<String[]> merges = new ArrayList<>(v.merges().length);
            for (String m : v.merges()) {
                int sp = m.indexOf(' ', 1);
                if (sp > 0) merges.add(new String[] {m.substring(0, sp), m.substring(sp + 1)});
            }
            PreTokenizer pre = preTokenizer != null ? preTokenizer : RegexPreTokenizer.forGguf(v.pre());
            boolean ignoreMerges = List.of("llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "tekken")
                    .contains(v.pre().toLowerCase(Locale.ROOT));
            bpe = ByteLevelBpe.of(t, merges, raw, pre, ignoreMerges);
            spm = null;
            wpm = null;
        } else if (v.model().equals("bert")) {
            if (v.unk() < 0) throw new IllegalArgumentException("a WordPiece (bert) vocabulary needs an unknown token");
            wpm = new LlamaCppWordPiece(ids, v.unk(), v.lowercase(), v.stripAccents());
            bpe = null;
            spm = null;
        } else {
            float[] scores = v.scores() != null ? v.scores() : new float[n];
            spm = new SentencePieceBpe(ids, scores, byteIds);
            bpe = null;
            wpm = null;
        }
        List<Integer> specials = new ArrayList<>();
        for (int i = 0; i < n; i++) if (v.types()[i].isSpecial()) specials.add(i);
        specials.sort(Comparator.comparingInt((Integer i) -> -t[i].getBytes(StandardCharsets.UTF_8).length).thenComparingInt(i -> i));
        specialsByLength = specials.stream().mapToInt(Integer::intValue).toArray();
        lstrip = new boolean[n];
        rstrip = new boolean[n];
        String name = v.name().toLowerCase(Locale.ROOT);
        if (name.contains("phi-3") || name.contains("phi3")) {
            // llama.cpp's per-model attributes: Phi-3's special tokens swallow the whitespace after them.
            for (int id : specialsByLength) rstrip[id] = true;
            if (ids.containsKey("</s>")) rstrip[ids.get("</s>")] = true;
            for (String s : List.of("<unk>", "<s>", "<|endoftext|>")) if (ids.containsKey(s)) rstrip[ids.get(s)] = false;
        }
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    /** Plain text to ids: no BOS/EOS, special-token texts treated as text (user-defined tokens still match). */
    @Override
    public int[] encode(String text) {
        return encode(text, false, false);
    }

    /**
     * @param addSpecial   add BOS/EOS as the model asks (tokenizer.ggml.add_bos_token, ...)
     * @param parseSpecial turn the text of control tokens ({@code <|im_start|>}) into their ids
     */
    public int[] encode(String text, boolean addSpecial, boolean parseSpecial) {
        IntArrayBuilder out = new IntArrayBuilder(text.length() / 3 + 4);
        List<Object> fragments = partition(text, parseSpecial);   // String (raw text) or Integer (token id)
        if (addSpecial && vocab.addBos()) {
            if (vocab.bos() < 0) throw new IllegalStateException("the model asks for a BOS token but has none");
            out.add(vocab.bos());
        }
        boolean prevSpecial = true;   // SentencePiece: a space prefix at the start and after every special token
        for (Object f : fragments) {
            if (f instanceof Integer id) {
                out.add(id);
                prevSpecial = true;
            } else if (spm != null) {
                String s = (vocab.addSpacePrefix() && prevSpecial ? " " : "") + normalize((String) f);
                spm.encodeInto(s.replace(" ", "\u2581"), out);
                prevSpecial = false;
            } else if (wpm != null) {
                wpm.encodeInto(normalize((String) f), out);
            } else {
                bpe.encodeInto(normalize((String) f), out);
            }
        }
        if (addSpecial && wpm != null) {
            if (vocab.sep() < 0) throw new IllegalStateException("the WordPiece vocabulary has no separator token");
            out.add(vocab.sep());
        }
        if (addSpecial && vocab.addEos()) {
            if (vocab.eos() < 0) throw new IllegalStateException("the model asks for an EOS token but has none");
            out.add(vocab.eos());
        }
        return out.toArray();
    }

    private String normalize(String s) {
        return normalizer == null ? s : normalizer.apply(s);
    }

    /** Cuts special tokens out of the text (llama.cpp's tokenizer_st_partition). */
    private List<Object> partition(String text, boolean parseSpecial) {
        List<Object> frags = new ArrayList<>();
        if (text.isEmpty()) return frags;
        frags.add(text);
        for (int id : specialsByLength) {
            TokenType type = vocab.types()[id];
            if (!parseSpecial && (type == TokenType.CONTROL || type == TokenType.UNKNOWN)) continue;
            String tok = vocab.tokens()[id];
            if (tok.isEmpty()) continue;
            List<Object> next = new ArrayList<>(frags.size() + 4);
            for (Object f : frags) {
                if (!(f instanceof String s)) {
                    next.add(f);
                    continue;
                }
                int from = 0;
                while (true) {
                    int at = s.indexOf(tok, from);
                    if (at < 0) {
                        if (from < s.length()) next.add(s.substring(from));
                        break;
                    }
                    int leftEnd = at;
                    if (lstrip[id]) while (leftEnd > from && isSpace(s.charAt(leftEnd - 1))) leftEnd--;
                    if (leftEnd > from) next.add(s.substring(from, leftEnd));
                    next.add(id);
                    from = at + tok.length();
                    if (rstrip[id]) while (from < s.length() && isSpace(s.charAt(from))) from++;
                }
            }
            frags = next;
        }
        return frags;
    }

    /** C's isspace in the "C" locale, which llama.cpp's strip attributes use. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * The bytes of one token as generation streams it (llama.cpp's token_to_piece without
     * stripping): special tokens as their text, or nothing when {@code renderSpecial} is false.
     */
    public byte[] piece(int id, boolean renderSpecial) {
        if (id < 0 || id >= vocab.size()) throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + vocab.size());
        TokenType type = vocab.types()[id];
        String text = vocab.tokens()[id];
        if (type == TokenType.CONTROL || type == TokenType.UNKNOWN) {
            return renderSpecial ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
        }
        if (type == TokenType.USER_DEFINED) return text.getBytes(StandardCharsets.UTF_8);
        if (spm != null || wpm != null) {
            if (type == TokenType.NORMAL) return text.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
            if (type == TokenType.BYTE) return new byte[] {(byte) Integer.parseInt(text.substring(3, 5), 16)};
            return new byte[0];
        }
        return type == TokenType.NORMAL ? bpe.tokenBytes(id) : new byte[0];
    }

    /** The bytes generation streams for a token: special tokens (EOS, turn markers) add nothing. */
    @Override
    public byte[] piece(int id) {
        return piece(id, false);
    }

    /** Ids back to text, special tokens shown (llama_detokenize with unparse_special). */
    @Override
    public String decode(int[] idList) {
        return decode(idList, true);
    }

    public String decode(int[] idList, boolean renderSpecial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(idList.length * 4);
        for (int i = 0; i < idList.length; i++) {
            byte[] p = piece(idList[i], renderSpecial);
            int skip = i == 0 && spm != null && vocab.addSpacePrefix() && p.length > 0 && p[0] == ' ' ? 1 : 0;
            out.write(p, skip, p.length - skip);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    /** The id of an exact token text, or -1. */
    public int idOf(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    @Override
    public String display(int id) {
        TokenType type = vocab.types()[id];
        if (type != TokenType.NORMAL) return vocab.tokens()[id];
        byte[] b = piece(id, true);
        try {
            return Tokenizer.visible(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            StringBuilder s = new StringBuilder();
            for (byte x : b) s.append(String.format("<%02X>", x & 0xff));
            return s.toString();
        }
    }

    @Override
    public String kind() {
        return switch (vocab.model()) {
            case "llama" -> "spm";
            case "bert" -> "wordpiece";
            default -> "bpe";
        };
    }

    /** True when id ends generation (EOS, end of turn). */
    @Override
    public boolean isEndOfGeneration(int id) {
        return vocab.eog().contains(id);
    }
}
