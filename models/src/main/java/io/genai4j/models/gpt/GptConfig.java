package io.genai4j.models.gpt;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.RopeStyle;
import java.util.LinkedHashMap;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_layer", nLayer);
        m.put("n_head", nHead);
        m.put("n_embd", nEmbd);
        m.put("block_size", blockSize);
        m.put("vocab_size", vocabSize);
        m.put("dropout", (double) dropout);
        m.put("bias", bias);
        return m;
    }

    /** Reads the map written by {@link #toMap}; names the missing or mistyped field. */
    public static GptConfig fromMap(Map<String, Object> m, String source) {
        int nLayer = integer(m, "n_layer", source), nHead = integer(m, "n_head", source), nEmbd = integer(m, "n_embd", source);
        int blockSize = integer(m, "block_size", source), vocabSize = integer(m, "vocab_size", source);
        float dropout = (float) number(m, "dropout", source);
        boolean bias = bool(m, "bias", source);
        try {
            return new GptConfig(nLayer, nHead, nEmbd, blockSize, vocabSize, dropout, bias);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
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

    private static Object field(Map<String, Object> m, String key, String source) {
        if (!m.containsKey(key)) throw new IllegalArgumentException(source + ": missing field '" + key + "'");
        return m.get(key);
    }

    private static int integer(Map<String, Object> m, String key, String source) {
        if (field(m, key, source) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) return n.intValue();
        throw new IllegalArgumentException(source + ": field '" + key + "' must be an integer, got " + Printable.of(String.valueOf(m.get(key))));
    }

    private static double number(Map<String, Object> m, String key, String source) {
        if (field(m, key, source) instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException(source + ": field '" + key + "' must be a number, got " + Printable.of(String.valueOf(m.get(key))));
    }

    private static boolean bool(Map<String, Object> m, String key, String source) {
        if (field(m, key, source) instanceof Boolean b) return b;
        throw new IllegalArgumentException(source + ": field '" + key + "' must be true or false, got " + Printable.of(String.valueOf(m.get(key))));
    }
}
