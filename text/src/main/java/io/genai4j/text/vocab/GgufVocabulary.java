package io.genai4j.text.vocab;

import io.genai4j.engine.io.gguf.GgufMetadata;
import io.genai4j.engine.util.Printable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the tokenizer a GGUF file carries in its {@code tokenizer.ggml.*} metadata, with
 * llama.cpp's defaults where a key is absent (llama-vocab.cpp, llama_vocab::impl::load).
 */
public final class GgufVocabulary {
    private GgufVocabulary() {}

    /**
     * Token texts llama.cpp treats as ending generation (its special_eog_ids detection); each becomes
     * a control token, so with special tokens not parsed its text is plain text (Phi-3's {@code </s>}).
     */
    static final List<String> EOG_TEXTS = List.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>", "<|flush|>",
            "<|calls|>", "<end_of_turn>", "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>", "_<EOT>", "[EOT]", "[EOS]",
            "<|end_of_text|>", "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>", "<｜end▁of▁sentence｜>", "[e~[");
    /** The texts llama.cpp takes for the end-of-turn token when the file names none. */
    private static final List<String> EOT_TEXTS = List.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>",
            "<|end_of_text|>", "<EOT>", "_<EOT>", "[EOT]", "<｜end▁of▁sentence｜>", "<end_of_utterance>");

    /**
     * Fill-in-the-middle tokens llama.cpp recognises by text when the file does not give their id
     * (key, whether it ends generation, texts): the one it finds becomes a control token.
     */
    private record Fim(String key, String oldKey, boolean endsGeneration, List<String> texts) {}

    private static final List<Fim> FIM = List.of(
            new Fim("tokenizer.ggml.fim_pre_token_id", "tokenizer.ggml.prefix_token_id", false, List.of("<|fim_prefix|>", "<fim-prefix>",
                    "<fim_prefix>", "<｜fim▁begin｜>", "<PRE>", "▁<PRE>", "<|code_prefix|>", "<|prefix|>")),
            new Fim("tokenizer.ggml.fim_suf_token_id", "tokenizer.ggml.suffix_token_id", false, List.of("<|fim_suffix|>", "<fim-suffix>",
                    "<fim_suffix>", "<｜fim▁hole｜>", "<SUF>", "▁<SUF>", "<|code_suffix|>", "<|suffix|>")),
            new Fim("tokenizer.ggml.fim_mid_token_id", "tokenizer.ggml.middle_token_id", false, List.of("<|fim_middle|>", "<fim-middle>",
                    "<fim_middle>", "<｜fim▁end｜>", "<MID>", "▁<MID>", "<|code_middle|>", "<|middle|>")),
            new Fim("tokenizer.ggml.fim_pad_token_id", null, true, List.of("<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>", "[PAD]")),
            new Fim("tokenizer.ggml.fim_rep_token_id", null, true, List.of("<|fim_repo|>", "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>")),
            new Fim("tokenizer.ggml.fim_sep_token_id", null, true, List.of("<|file_sep|>")));

    public static Vocabulary read(GgufMetadata m) {
        String model = m.string("tokenizer.ggml.model");
        String pre = m.string("tokenizer.ggml.pre", "default");
        String[] tokens = m.strings("tokenizer.ggml.tokens");
        int n = tokens.length;
        for (int i = 0; i < n; i++) if (tokens[i].isEmpty()) tokens[i] = "[EMPTY_" + i + "]";   // as llama.cpp
        float[] scores = m.has("tokenizer.ggml.scores") ? m.floats("tokenizer.ggml.scores") : null;
        TokenType[] types = new TokenType[n];
        int[] rawTypes = m.has("tokenizer.ggml.token_type") ? m.ints("tokenizer.ggml.token_type") : null;
        if (rawTypes != null && rawTypes.length != n) {
            throw new IllegalArgumentException("tokenizer.ggml.token_type has " + rawTypes.length + " entries for " + n + " tokens");
        }
        for (int i = 0; i < n; i++) types[i] = rawTypes == null ? TokenType.NORMAL : TokenType.of(rawTypes[i]);
        String[] merges = null;
        int bos, eos, unk, sep = -1;
        boolean addBos = false, addEos = false, addSpacePrefix = false;
        switch (model) {
            case "bert" -> {   // WordPiece: [CLS] text [SEP]
                bos = 101;
                eos = -1;
                unk = 100;
                sep = 102;
                addBos = true;
            }
            case "llama" -> {
                bos = 1;
                eos = 2;
                unk = 0;
                addBos = true;
                addSpacePrefix = true;
            }
            case "gpt2" -> {
                if (!m.has("tokenizer.ggml.merges")) throw new IllegalArgumentException("a gpt2 (BPE) tokenizer needs tokenizer.ggml.merges");
                merges = m.strings("tokenizer.ggml.merges");
                bos = 11;
                eos = 11;
                unk = -1;
                String p = pre.toLowerCase(Locale.ROOT);
                if (List.of("llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "tekken", "chameleon").contains(p)) {
                    addBos = true;
                }
            }
            default -> throw new IllegalArgumentException("unsupported tokenizer model '" + Printable.of(model) + "' in tokenizer.ggml.model (supported: gpt2, llama, bert)");
        }
        if (m.has("tokenizer.ggml.add_space_prefix")) addSpacePrefix = m.bool("tokenizer.ggml.add_space_prefix", addSpacePrefix);
        bos = id(m, "tokenizer.ggml.bos_token_id", bos, n);
        eos = id(m, "tokenizer.ggml.eos_token_id", eos, n);
        unk = id(m, "tokenizer.ggml.unknown_token_id", unk, n);
        sep = id(m, "tokenizer.ggml.seperator_token_id", sep, n);   // sic: llama.cpp's key
        int pad = id(m, "tokenizer.ggml.padding_token_id", -1, n);
        int eot = id(m, "tokenizer.ggml.eot_token_id", -1, n);
        int eom = id(m, "tokenizer.ggml.eom_token_id", -1, n);
        addBos = m.bool("tokenizer.ggml.add_bos_token", addBos);
        addEos = m.bool("tokenizer.ggml.add_eos_token", addEos);
        if (bos >= n) bos = -1;
        if (eos >= n) eos = -1;
        if (unk >= n) unk = -1;
        if (sep >= n) sep = -1;
        boolean lowercase = m.bool("tokenizer.ggml.normalizer.lowercase", true);   // WordPiece's BertNormalizer options
        boolean stripAccents = m.bool("tokenizer.ggml.normalizer.strip_accents", lowercase);

        Set<Integer> eog = new HashSet<>();
        for (Fim f : FIM) {
            int id = id(m, f.key(), f.oldKey() == null ? -1 : id(m, f.oldKey(), -1, n), n);
            if (id < 0) {
                id = firstWithText(tokens, f.texts());
                if (id >= 0) types[id] = TokenType.CONTROL;
            }
            if (id >= 0 && f.endsGeneration()) eog.add(id);
        }
        if (eot < 0) {
            eot = firstWithText(tokens, EOT_TEXTS);
            if (eot >= 0) types[eot] = TokenType.CONTROL;
        }
        for (int i = 0; i < n; i++) {
            if (EOG_TEXTS.contains(tokens[i])) {
                eog.add(i);
                types[i] = TokenType.CONTROL;   // llama.cpp overrides the type of end-of-generation tokens
            }
        }
        // llama.cpp's workarounds by token text: gpt-oss renders its channel markers; harmony's <|end|>
        // and Gemma 4's </s> do not end generation
        for (String t : List.of("<|channel|>", "<|message|>", "<|start|>", "<|constrain|>")) {
            int id = firstWithText(tokens, List.of(t));
            if (id >= 0) types[id] = TokenType.USER_DEFINED;
        }
        int end = eogWithText(eog, tokens, "<|end|>");
        if (end >= 0 && (eogWithText(eog, tokens, "<|return|>") >= 0 && eogWithText(eog, tokens, "<|call|>") >= 0
                || eogWithText(eog, tokens, "<|calls|>") >= 0 && eogWithText(eog, tokens, "<|flush|>") >= 0)) {
            eog.remove(end);
            types[end] = TokenType.USER_DEFINED;
        }
        int s = eogWithText(eog, tokens, "</s>");
        if (s >= 0 && eogWithText(eog, tokens, "<|tool_response>") >= 0) {
            eog.remove(s);
            types[s] = TokenType.NORMAL;
        }
        if (eos >= 0) eog.add(eos);
        if (eot >= 0) eog.add(eot);
        if (eom >= 0) eog.add(eom);
        return new Vocabulary(model, pre, tokens, scores, types, merges, bos, eos, unk, pad, eot, eog,
                addBos, addEos, addSpacePrefix, m.string("general.name", ""), sep, lowercase, stripAccents);
    }

    /** The lowest id whose text is one of texts, or -1. */
    private static int firstWithText(String[] tokens, List<String> texts) {
        for (int i = 0; i < tokens.length; i++) if (texts.contains(tokens[i])) return i;
        return -1;
    }

    private static int eogWithText(Set<Integer> eog, String[] tokens, String text) {
        for (int id : eog) if (tokens[id].equals(text)) return id;
        return -1;
    }

    /** A special-token id from metadata; out-of-range ids keep the default, as llama.cpp does. */
    private static int id(GgufMetadata m, String key, int fallback, int n) {
        if (!m.has(key)) return fallback;
        long v = m.integer(key);
        return v >= 0 && v < n ? (int) v : fallback;
    }
}
