package io.genai4j.text.vocab;

import io.genai4j.engine.io.gguf.GgufMetadata;
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

    /** Token texts llama.cpp treats as ending a turn (its special_eog_ids detection). */
    static final List<String> EOG_TEXTS = List.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>",
            "<|eom_id|>", "<EOT>", "_<EOT>", "<|end_of_text|>", "<end_of_utterance>");

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
        int bos, eos, unk;
        boolean addBos = false, addEos = false, addSpacePrefix = false;
        switch (model) {
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
            default -> throw new IllegalArgumentException("unsupported tokenizer model '" + model + "' in tokenizer.ggml.model (supported: gpt2, llama)");
        }
        if (m.has("tokenizer.ggml.add_space_prefix")) addSpacePrefix = m.bool("tokenizer.ggml.add_space_prefix", addSpacePrefix);
        bos = id(m, "tokenizer.ggml.bos_token_id", bos, n);
        eos = id(m, "tokenizer.ggml.eos_token_id", eos, n);
        unk = id(m, "tokenizer.ggml.unknown_token_id", unk, n);
        int pad = id(m, "tokenizer.ggml.padding_token_id", -1, n);
        int eot = id(m, "tokenizer.ggml.eot_token_id", -1, n);
        int eom = id(m, "tokenizer.ggml.eom_token_id", -1, n);
        addBos = m.bool("tokenizer.ggml.add_bos_token", addBos);
        addEos = m.bool("tokenizer.ggml.add_eos_token", addEos);
        if (bos >= n) bos = -1;
        if (eos >= n) eos = -1;
        if (unk >= n) unk = -1;

        Set<Integer> eog = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (EOG_TEXTS.contains(tokens[i])) {
                eog.add(i);
                if (eot < 0 && !tokens[i].equals("<|eom_id|>")) eot = i;
                types[i] = TokenType.CONTROL;   // llama.cpp overrides the type of end-of-turn tokens
            }
        }
        if (eos >= 0) eog.add(eos);
        if (eot >= 0) eog.add(eot);
        if (eom >= 0) eog.add(eom);
        return new Vocabulary(model, pre, tokens, scores, types, merges, bos, eos, unk, pad, eot, eog,
                addBos, addEos, addSpacePrefix, m.string("general.name", ""));
    }

    /** A special-token id from metadata; out-of-range ids keep the default, as llama.cpp does. */
    private static int id(GgufMetadata m, String key, int fallback, int n) {
        if (!m.has(key)) return fallback;
        long v = m.integer(key);
        return v >= 0 && v < n ? (int) v : fallback;
    }
}
