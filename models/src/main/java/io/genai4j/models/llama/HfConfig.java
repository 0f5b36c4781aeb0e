package io.genai4j.models.llama;

import io.genai4j.engine.util.Printable;
import java.util.Locale;
import java.util.Map;

/**
 * A model's hyperparameters from Hugging Face's config.json (transformers' LlamaConfig,
 * Qwen2Config, Qwen3Config, GPT2Config, with their defaults). Hugging Face checkpoints keep Wq and
 * Wk in the rotate_half layout, so llama runs RoPE in the NEOX style here.
 */
public final class HfConfig {
    private HfConfig() {}

    /** Reads a parsed config.json; errors name {@code source} (the file) and the key. */
    public static LlamaConfig read(Map<String, Object> j, String source) {
        try {
            return read(j);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    public static LlamaConfig read(Map<String, Object> j) {
        String type = str(j, "model_type", null);
        if (type == null) throw new IllegalArgumentException("no model_type");
        Arch arch;
        try {
            arch = Arch.of(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model_type '" + Printable.of(type) + "' is not supported (supported: llama, qwen2, qwen3, gpt2)");
        }
        if (arch == Arch.GPT2) {
            int dim = integer(j, "n_embd", 768), heads = integer(j, "n_head", 12);
            String act = str(j, "activation_function", "gelu_new");
            return new LlamaConfig(arch, integer(j, "vocab_size", 50257), dim, integer(j, "n_layer", 12), heads, heads, dim / heads,
                    j.get("n_inner") != null ? integer(j, "n_inner", -1) : 4 * dim, integer(j, "n_positions", 1024),
                    positiveNum(j, "layer_norm_epsilon", 1e-5), 10000f, RopeStyle.NONE, dim / heads, null, 1f,
                    bool(j, "tie_word_embeddings", true), act.equals("gelu"));
        }
        int dim = integer(j, "hidden_size", -1), heads = integer(j, "num_attention_heads", -1);
        int headDim = j.get("head_dim") != null ? integer(j, "head_dim", -1) : dim / heads;
        // The only size used before the weights are opened (llama3Factors): bound it here.
        if (headDim > LlamaConfig.MAX_HEAD_DIM) throw new IllegalArgumentException("head_dim " + headDim + " is larger than " + LlamaConfig.MAX_HEAD_DIM);
        float theta = positiveNum(j, "rope_theta", 10000f);
        float freqScale = 1f;
        float[] factors = null;
        if (j.get("rope_scaling") instanceof Map<?, ?> rs) {
            Object t = rs.get("rope_type") != null ? rs.get("rope_type") : rs.get("type");
            String rt = String.valueOf(t).toLowerCase(Locale.ROOT);
            double factor = d(rs, "factor", 1);
            if (!(factor > 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("rope_scaling factor " + factor + " must be a positive number");
            switch (rt) {
                case "default" -> { }
                case "linear" -> freqScale = (float) (1 / factor);
                case "llama3" -> factors = llama3Factors(theta, headDim, factor, d(rs, "low_freq_factor", 1), d(rs, "high_freq_factor", 4),
                        d(rs, "original_max_position_embeddings", 8192));
                default -> throw new IllegalArgumentException("rope_scaling type '" + Printable.of(rt) + "' is not supported (supported: linear, llama3)");
            }
        }
        return new LlamaConfig(arch, integer(j, "vocab_size", -1), dim, integer(j, "num_hidden_layers", -1), heads,
                integer(j, "num_key_value_heads", heads), headDim, integer(j, "intermediate_size", -1),
                integer(j, "max_position_embeddings", 2048), positiveNum(j, "rms_norm_eps", 1e-6f), theta, RopeStyle.NEOX, headDim,
                factors, freqScale, bool(j, "tie_word_embeddings", false), false);
    }


    /**
     * Llama 3.1's RoPE frequency factors (transformers' _compute_llama3_parameters; llama.cpp
     * writes the same numbers as the rope_freqs tensor): with wavelength λ = 2π/θ_i,
     * <pre>
     *   λ < L/high:  1            (high frequencies unchanged)
     *   λ > L/low:   factor       (low frequencies slowed down)
     *   otherwise:   1 / ((1 − s)/factor + s),  s = (L/λ − low)/(high − low)
     * </pre>
     * where L is the original context length.
     */
    public static float[] llama3Factors(float theta, int headDim, double factor, double low, double high, double oldContext) {
        float[] out = new float[headDim / 2];
        double lowWavelen = oldContext / low, highWavelen = oldContext / high;
        for (int i = 0; i < out.length; i++) {
            double freq = 1.0 / Math.pow(theta, 2.0 * i / headDim);
            double wavelen = 2 * Math.PI / freq;
            if (wavelen < highWavelen) out[i] = 1f;
            else if (wavelen > lowWavelen) out[i] = (float) factor;
            else {
                double s = (oldContext / wavelen - low) / (high - low);
                out[i] = (float) (1 / ((1 - s) / factor + s));
            }
        }
        return out;
    }

    private static double d(Map<?, ?> m, String k, double def) {
        return m.get(k) instanceof Number n ? n.doubleValue() : def;
    }

    private static String str(Map<String, Object> j, String k, String def) {
        return j.get(k) instanceof String s ? s : def;
    }

    /**
     * A size or count: a positive integer that fits an int. Anything else is refused rather than
     * converted (intValue() made 4294967299 a 3, 1e20 a 2147483647 and 2.5 a 2).
     */
    private static int integer(Map<String, Object> j, String k, int def) {
        Object v = j.get(k);
        if (v == null) {
            if (def < 0) throw new IllegalArgumentException("no " + k);
            return def;
        }
        if (!(v instanceof Long l) || l < 1 || l > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(k + " = " + Printable.of(String.valueOf(v)) + " is not a positive 32-bit integer");
        }
        return (int) (long) l;
    }

    private static float positiveNum(Map<String, Object> j, String k, double def) {
        Object v = j.get(k);
        if (v == null) return (float) def;
        float f = v instanceof Number n ? n.floatValue() : Float.NaN;
        if (!(f > 0) || Float.isInfinite(f)) throw new IllegalArgumentException(k + " = " + Printable.of(String.valueOf(v)) + " is not a positive number");
        return f;
    }

    private static boolean bool(Map<String, Object> j, String k, boolean def) {
        return j.get(k) instanceof Boolean b ? b : def;
    }
}
