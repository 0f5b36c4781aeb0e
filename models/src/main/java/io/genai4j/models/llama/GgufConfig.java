package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufArray;
import io.genai4j.engine.io.gguf.GgufException;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufMetadata;
import io.genai4j.engine.util.Printable;
import java.util.Locale;

/** A model's hyperparameters from GGUF metadata, with llama.cpp's defaults (llama-model.cpp, load_hparams). */
public final class GgufConfig {
    private GgufConfig() {}

    public static LlamaConfig read(GgufFile f) {
        GgufMetadata m = f.metadata();
        String archName = m.string("general.architecture");
        Arch arch;
        try {
            arch = Arch.of(archName);
        } catch (IllegalArgumentException e) {
            throw new GgufException(f.path().toString(), "general.architecture '" + Printable.of(archName) + "' is not supported (supported: llama, qwen2, qwen3, gpt2)");
        }
        String a = archName + ".";
        int dim = positive(f, a + "embedding_length");
        int layers = positive(f, a + "block_count");
        int heads = positive(f, a + "attention.head_count");
        int kvHeads = m.has(a + "attention.head_count_kv") ? positive(f, a + "attention.head_count_kv") : heads;
        int headDim = m.has(a + "attention.key_length") ? positive(f, a + "attention.key_length") : dim / heads;
        int valueDim = m.has(a + "attention.value_length") ? positive(f, a + "attention.value_length") : headDim;
        if (valueDim != headDim) throw new IllegalArgumentException("key length " + headDim + " and value length " + valueDim + " differ (not supported)");
        int ffn = m.has(a + "feed_forward_length") ? positive(f, a + "feed_forward_length") : 4 * dim;
        int ctx = positive(f, a + "context_length");
        long vocabRows = f.info("token_embd.weight").shape()[0];
        if (vocabRows < 1 || vocabRows > Integer.MAX_VALUE) {
            throw new GgufException(f.path().toString(), "tensor 'token_embd.weight' has " + vocabRows + " rows, not a vocabulary size");
        }
        int vocab = (int) vocabRows;
        float eps = arch == Arch.GPT2 ? m.float32(a + "attention.layer_norm_epsilon") : m.float32(a + "attention.layer_norm_rms_epsilon");
        float theta = m.float32(a + "rope.freq_base", 10000f);
        RopeStyle style = switch (arch) {
            case LLAMA -> RopeStyle.NORM;
            case QWEN2, QWEN3 -> RopeStyle.NEOX;
            case GPT2 -> RopeStyle.NONE;
        };
        int ropeDim = m.has(a + "rope.dimension_count") ? positive(f, a + "rope.dimension_count") : headDim;
        float freqScale = 1f;
        String scaling = m.string(a + "rope.scaling.type", "none").toLowerCase(Locale.ROOT);
        if (!(theta > 0) || Float.isInfinite(theta)) throw new GgufException(f.path().toString(), "metadata '" + a + "rope.freq_base' = " + theta + " must be a positive number");
        switch (scaling) {
            case "none" -> { }
            case "linear" -> freqScale = 1f / positiveNumber(f, a + "rope.scaling.factor", 1f);
            default -> throw new IllegalArgumentException("RoPE scaling '" + Printable.of(scaling) + "' (" + a + "rope.scaling.type) is not supported (supported: none, linear, Llama 3.1 rope_freqs)");
        }
        if (m.has(a + "rope.scale_linear")) freqScale = 1f / positiveNumber(f, a + "rope.scale_linear", 1f);
        float[] factors = null;
        if (f.has("rope_freqs.weight")) factors = f.tensor("rope_freqs.weight").to(DType.F32).toArray();
        boolean tied = !f.has("output.weight");
        boolean geluErf = "erf".equals(m.string("genai4j.gelu", "tanh"));
        return new LlamaConfig(arch, vocab, dim, layers, heads, kvHeads, headDim, ffn, ctx, eps, theta, style,
                style == RopeStyle.NONE ? headDim : ropeDim, factors, freqScale, tied, geluErf);
    }

    /**
     * A hyperparameter that must be a positive integer: checked here, before anything divides by it
     * (head_count 0 was a "/ by zero") or sizes an array with it. Per-layer arrays are not supported.
     */
    private static int positive(GgufFile f, String key) {
        GgufMetadata m = f.metadata();
        if (m.has(key) && m.get(key) instanceof GgufArray) {
            throw new GgufException(f.path().toString(), "metadata '" + key + "' holds per-layer values, which are not supported");
        }
        long v = m.integer(key);
        if (v < 1 || v > Integer.MAX_VALUE) throw new GgufException(f.path().toString(), "metadata '" + key + "' = " + v + " must be a positive 32-bit integer");
        return (int) v;
    }

    private static float positiveNumber(GgufFile f, String key, float fallback) {
        float v = f.metadata().float32(key, fallback);
        if (!(v > 0) || Float.isInfinite(v)) throw new GgufException(f.path().toString(), "metadata '" + key + "' = " + v + " must be a positive number");
        return v;
    }
}
