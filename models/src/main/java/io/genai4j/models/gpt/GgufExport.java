package io.genai4j.models.gpt;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.bpe.ByteAlphabet;
import io.genai4j.text.bpe.ByteLevelBpe;
import io.genai4j.text.vocab.TokenType;
import io.genai4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a GPT lesson checkpoint as a llama.cpp {@code gpt2} GGUF file: nanoGPT's names are
 * GPT2LMHeadModel's, so the tensors map one to one (absent biases are written as zeros, which
 * llama.cpp requires); the head is tied to wte; the tokenizer becomes a byte-level BPE vocabulary
 * (a character vocabulary works when every character is one byte). nanoGPT's exact GELU is
 * recorded as {@code genai4j.gelu = erf} (llama.cpp itself always uses the tanh form).
 */
public final class GgufExport {
    private GgufExport() {}

    public static void export(GptCheckpoint ck, Path out, DType type) throws IOException {
        Gpt m = ck.model();
        GptConfig g = m.config;
        LlamaConfig c = g.decoder();
        Map<String, Tensor> state = m.stateDict();
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (var e : state.entrySet()) w.put(e.getKey(), e.getValue());
        if (!g.bias()) {
            int d = g.nEmbd();
            w.put("transformer.ln_f.bias", Tensor.zeros(d));
            for (int l = 0; l < g.nLayer(); l++) {
                String p = "transformer.h." + l + ".";
                w.put(p + "ln_1.bias", Tensor.zeros(d));
                w.put(p + "ln_2.bias", Tensor.zeros(d));
                w.put(p + "attn.c_attn.bias", Tensor.zeros(3 * d));
                w.put(p + "attn.c_proj.bias", Tensor.zeros(d));
                w.put(p + "mlp.c_fc.bias", Tensor.zeros(4 * d));
                w.put(p + "mlp.c_proj.bias", Tensor.zeros(d));
            }
        }
        GgufModelWriter.write(out, c, "genai4j-gpt", w, vocabulary(ck.tokenizer(), g.vocabSize()), null, type, Map.of("genai4j.gelu", "erf"));
    }

    /** The checkpoint's tokenizer as a GGUF byte-level BPE vocabulary of exactly vocabSize tokens. */
    static Vocabulary vocabulary(Tokenizer tok, int vocabSize) {
        String[] tokens = new String[vocabSize];
        TokenType[] types = new TokenType[vocabSize];
        String[] merges;
        int eos = -1;
        switch (tok) {
            case ByteLevelBpe b -> {
                for (int i = 0; i < vocabSize; i++) {
                    tokens[i] = i < b.vocabSize() ? b.token(i) : "[PAD" + i + "]";
                    types[i] = i >= b.vocabSize() ? TokenType.UNUSED : b.isSpecial(i) ? TokenType.CONTROL : TokenType.NORMAL;
                }
                List<String[]> ms = b.merges();
                merges = new String[ms.size()];
                for (int i = 0; i < merges.length; i++) merges[i] = ms.get(i)[0] + " " + ms.get(i)[1];
                eos = b.idOf("<|endoftext|>");
            }
            case CharTokenizer ch -> {
                int[] cps = ch.codePoints();
                for (int i = 0; i < vocabSize; i++) {
                    if (i >= cps.length) {
                        tokens[i] = "[PAD" + i + "]";
                        types[i] = TokenType.UNUSED;
                        continue;
                    }
                    if (cps[i] >= 0x80) {
                        throw new IllegalArgumentException("character tokenizer has U+" + Integer.toHexString(cps[i]).toUpperCase()
                                + ", which is more than one byte: a GGUF byte-level vocabulary cannot give it one token");
                    }
                    tokens[i] = String.valueOf(ByteAlphabet.charOf(cps[i]));
                    types[i] = TokenType.NORMAL;
                }
                merges = new String[0];
            }
            default -> throw new IllegalArgumentException("cannot export a " + tok.kind() + " tokenizer to GGUF");
        }
        if (new HashSet<>(List.of(tokens)).size() != tokens.length) throw new IllegalArgumentException("the tokenizer has repeated tokens");
        return new Vocabulary("gpt2", "gpt-2", tokens, null, types, merges, eos, eos, -1, -1, -1,
                eos >= 0 ? Set.of(eos) : Set.of(), false, false, false, "genai4j-gpt");
    }
}
