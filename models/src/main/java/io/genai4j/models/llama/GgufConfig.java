package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufMetadata;
import java.util.Locale;

/** A model's hyperparameters from GGUF metadata, with llama.cpp's defaults (llama-model.cpp, load_hparams). */
public final class GgufConfig {
    private GgufConfig() {}

    public static LlamaConfig read(GgufFile f) {
        GgufMetadata m = f.metadata();
        String archName = m.string("general.architecture");
        Arch arch = Arch.of(archName);
        String a = archName + ".";
        int dim = m.int32(a + "embedding_length");
        int layers = m.int32(a + "block_count");
        if (m.has(a + "attention.head_count") && m.entry(a + "attention.head_count").value() instanceof io.genai4j.engine.io.gguf.GgufArray) {
            throw new IllegalArgumentException("per-layer head counts are not supported");
        }
        int heads = m.int32(a + "attention.head_count");
        if (m.has(a + "attention.head_count_kv") && m.entry(a + "attention.head_count_kv").value() instanceof io.genai4j.engine.io.gguf.GgufArray) {
            throw new IllegalArgumentException("per-layer key/value head counts are not supported");
        }
        int kvHeads = m.int32(a + "attention.head_count_kv", heads);
        int headDim = m.int32(a + "attention.key_length", dim / heads);
        int valueDim = m.int32(a + "attention.value_length", headDim);
        if (valueDim != headDim) throw new IllegalArgumentException("key length " + headDim + " and value length " + valueDim + " differ (not supported)");
        int ffn = m.int32(a + "feed_forward_length", 4 * dim);
        int ctx = m.int32(a + "context_length");
        int vocab = (int) f.info("token_embd.weight").shape()[0];
        float eps = arch == Arch.GPT2 ? m.float32(a + "attention.layer_norm_epsilon") : m.float32(a + "attention.layer_norm_rms_epsilon");
        float theta = m.float32(a + "rope.freq_base", 10000f);
        RopeStyle style = switch (arch) {
            case LLAMA -> RopeStyle.NORM;
            case QWEN2, QWEN3 -> RopeStyle.NEOX;
            case GPT2 -> RopeStyle.NONE;
        };
        int ropeDim = m.int32(a + "rope.dimension_count", headDim);
        float freqScale = 1f;
        String scaling = m.string(a + "rope.scaling.type", "none").toLowerCase(Locale.ROOT);
        switch (scaling) {
            case "none" -> { }
            case "linear" -> freqScale = 1f / m.float32(a + "rope.scaling.factor", 1f);
            default -> throw new IllegalArgumentException("RoPE scaling '" + scaling + "' (" + a + "rope.scaling.type) is not supported (supported: none, linear, Llama 3.1 rope_freqs)");
        }
        if (m.has(a + "rope.scale_linear")) freqScale = 1f / m.float32(a + "rope.scale_linear");
        float[] factors = null;
        if (f.has("rope_freqs.weight")) factors = f.tensor("rope_freqs.weight").to(DType.F32).toArray();
        boolean tied = !f.has("output.weight");
        boolean geluErf = "erf".equals(m.string("genai4j.gelu", "tanh"));
        return new LlamaConfig(arch, vocab, dim, layers, heads, kvHeads, headDim, ffn, ctx, eps, theta, style,
                style == RopeStyle.NONE ? headDim : ropeDim, factors, freqScale, tied, geluErf);
    }
}
