package io.genai4j.text.vocab;

import io.genai4j.engine.util.Printable;
import java.util.List;
import java.util.Set;

/**
 * Everything a model file says about its tokenizer, in GGUF's terms (llama.cpp's llama_vocab):
 * the algorithm ({@code gpt2} = byte-level BPE, {@code llama} = SentencePiece BPE with byte
 * fallback, {@code bert} = WordPiece), the pre-tokenizer name, tokens with scores and types, BPE
 * merges, the special ids and the add-BOS/EOS and space-prefix flags. Read from GGUF metadata by
 * {@link GgufVocabulary} and from Hugging Face's tokenizer.json by {@link TokenizerJson}. Ids absent
 * from the model are -1.
 *
 * @param eog ids that end generation: EOS, end-of-turn tokens such as {@code <|eot_id|>}
 * @param sep the separator a WordPiece vocabulary appends ({@code [SEP]}); BOS is its {@code [CLS]}
 * @param lowercase    WordPiece: lowercase the text (tokenizer.ggml.normalizer.lowercase, default true)
 * @param stripAccents WordPiece: drop accents (tokenizer.ggml.normalizer.strip_accents, default: as lowercase)
 */
public record Vocabulary(String model, String pre, String[] tokens, float[] scores, TokenType[] types, String[] merges,
                         int bos, int eos, int unk, int pad, int eot, Set<Integer> eog,
                         boolean addBos, boolean addEos, boolean addSpacePrefix, String name, int sep,
                         boolean lowercase, boolean stripAccents) {

    /** The algorithms {@link LlmTokenizer} runs. */
    static final List<String> MODELS = List.of("gpt2", "llama", "bert");

    public Vocabulary {
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException("unsupported tokenizer model '" + Printable.of(model) + "' (supported: gpt2 = byte-level BPE, llama = SentencePiece, bert = WordPiece)");
        }
        if (tokens.length == 0) throw new IllegalArgumentException("the vocabulary has no tokens");
        if (scores != null && scores.length != tokens.length) {
            throw new IllegalArgumentException("tokenizer has " + tokens.length + " tokens but " + scores.length + " scores");
        }
        if (types.length != tokens.length) throw new IllegalArgumentException("tokenizer has " + tokens.length + " tokens but " + types.length + " token types");
        for (int id : new int[] {bos, eos, unk, pad, eot, sep}) {
            if (id < -1 || id >= tokens.length) throw new IllegalArgumentException("special token id " + id + " is outside the vocabulary of " + tokens.length);
        }
        eog = Set.copyOf(eog);
    }

    /** A vocabulary without a separator token (BPE and SentencePiece models). */
    public Vocabulary(String model, String pre, String[] tokens, float[] scores, TokenType[] types, String[] merges,
                      int bos, int eos, int unk, int pad, int eot, Set<Integer> eog,
                      boolean addBos, boolean addEos, boolean addSpacePrefix, String name) {
        this(model, pre, tokens, scores, types, merges, bos, eos, unk, pad, eot, eog, addBos, addEos, addSpacePrefix, name, -1, true, true);
    }

    public int size() {
        return tokens.length;
    }
}
