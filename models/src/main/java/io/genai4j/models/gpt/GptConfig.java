package io.genai4j.models.gpt;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.JsonFields;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.RopeStyle;
import java.util.Map;

/**
 * The hyperparameters of a GPT, named as in nanoGPT's GPTConfig: n_layer, n_head, n_embd,
 * block_size, vocab_size, dropout, bias.
 */
public record GptConfig(int nLayer, int nHead, int nEmbd, int blockSize, int vocabSize, float dropout, boolean bias) {

    public GptConfig {
        if (nLayer < 1 || nHead < 1 || nEmbd < 1 || blockSize < 1 || vocabSize < 1) {
            throw new IllegalArgumentException("GPT sizes must be positive: " + this);
        }
        if (nEmbd % nHead != 0) throw new IllegalArgumentException("n_embd " + nEmbd + " is not divisible by n_head " + nHead);
        if (dropout < 0f || dropout >= 1f) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }

    /**
     * The number of weights a model of this shape holds (the LM head is tied to wte), computed
     * without building it: a checkpoint's weights file is checked against it before anything is
     * allocated, so a config.json claiming n_layer 1e6 is an error message, not an OutOfMemoryError.
     * Per block: c_attn 3C², c_proj C², c_fc 4C², mlp.c_proj 4C² and two LayerNorm weights (2C), plus
     * with bias the biases 3C + C + 4C + C and two LayerNorm biases (2C). Doubles, so absurd sizes do
     * not overflow; GptTest checks it against a built model.
     */
    public double parameterCount() {
        double c = nEmbd, perBlock = 12 * c * c + 2 * c + (bias ? 11 * c : 0);
        return (double) vocabSize * c + (double) blockSize * c + nLayer * perBlock + c + (bias ? c : 0);
    }

    /**
     * This GPT in llama.cpp's {@code gpt2} terms (how GGUF files and the decoder runtime describe it):
     * as many key/value heads as heads, a 4× wide MLP, LayerNorm ε 1e-5, no RoPE, the head tied to
     * wte, and nanoGPT's exact GELU.
     */
    public LlamaConfig decoder() {
        int headDim = nEmbd / nHead;
        return new LlamaConfig(Arch.GPT2, vocabSize, nEmbd, nLayer, nHead, nHead, headDim, 4 * nEmbd, blockSize, 1e-5f, 10000f,
                RopeStyle.NONE, headDim, null, 1f, true, true);
    }

    /** As written in a checkpoint's config.json (nanoGPT's names). */
    public Map<String, Object> toMap() {
        return JsonFields.ordered("n_layer", nLayer, "n_head", nHead, "n_embd", nEmbd, "block_size", blockSize, "vocab_size", vocabSize,
                "dropout", (double) dropout, "bias", bias);
    }

    /** Reads the map written by {@link #toMap}; names the missing or mistyped field. */
    public static GptConfig fromMap(Map<String, Object> m, String source) {
        JsonFields f = new JsonFields(m, source);
        int nLayer = f.integer("n_layer"), nHead = f.integer("n_head"), nEmbd = f.integer("n_embd");
        int blockSize = f.integer("block_size"), vocabSize = f.integer("vocab_size");
        float dropout = (float) f.number("dropout");
        boolean bias = f.bool("bias");
        return f.checked(() -> new GptConfig(nLayer, nHead, nEmbd, blockSize, vocabSize, dropout, bias));
    }

    public static GptConfig parse(String json, String source) {
        Object v;
        try {
            v = Json.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException(source + ": expected a JSON object");
        @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
        return fromMap(map, source);
    }
}
