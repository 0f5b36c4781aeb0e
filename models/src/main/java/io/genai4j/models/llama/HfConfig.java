package io.genai4j.models.llama;

import java.util.Locale;
import java.util.Map;

/**
 * A model's hyperparameters from Hugging Face's config.json (transformers' LlamaConfig,
 * Qwen2Config, Qwen3Config, GPT2Config, with their defaults). Hugging Face checkpoints keep Wq and
 * Wk in the rotate_half layout, so llama runs RoPE in the NEOX style here.
 */
public final class HfConfig {
    private HfConfig() {}

    public static LlamaConfig read(Map<String, Object> j) {
        String type = str(j, "model_type", null);
        if (type == null) throw new IllegalArgumentException("config.json has no model_type");
        Arch arch = Arch.of(type);
        if (arch == Arch.GPT2) {
            int dim = integer(j, "n_embd", 768), heads = integer(j, "n_head", 12);
            String act = str(j, "activation_function", "gelu_new");
            return new LlamaConfig(arch, integer(j, "vocab_size", 50257), dim, integer(j, "n_layer", 12), heads, heads, dim / heads,
                    j.get("n_inner") instanceof Number n ? n.intValue() : 4 * dim, integer(j, "n_positions", 1024),
                    num(j, "layer_norm_epsilon", 1e-5), 10000f, RopeStyle.NONE, dim / heads, null, 1f,
                    bool(j, "tie_word_embeddings", true), act.equals("gelu"));
        }
        int dim = integer(j, "hidden_size", -1), heads = integer(j, "num_attention_heads", -1);
        if (dim < 1 || heads < 1) throw new IllegalArgumentException("config.json needs hidden_size and num_attention_heads");
        int headDim = j.get("head_dim") instanceof Number n ? n.intValue() : dim / heads;
        float theta = num(j, "rope_theta", 10000f);
        float freqScale = 1f;
        float[] factors = null;
        if (j.get("rope_scaling") instanceof Map<?, ?> rs) {
            Object t = rs.get("rope_type") != null ? rs.get("rope_type") : rs.get("type");
            String rt = String.valueOf(t).toLowerCase(Locale.ROOT);
            double factor = rs.get("factor") instanceof Number n ? n.doubleValue() : 1;
            switch (rt) {
                case "default" -> { }
                case "linear" -> freqScale = (float) (1 / factor);
                case "llama3" -> factors = llama3Factors(theta, headDim, factor, d(rs, "low_freq_factor", 1), d(rs, "high_freq_factor", 4),
                        d(rs, "original_max_position_embeddings", 8192));
                default -> throw new IllegalArgumentException("rope_scaling type '" + rt + "' is not supported (supported: linear, llama3)");
            }
        }
        return new LlamaConfig(arch, integer(j, "vocab_size", -1), dim, integer(j, "num_hidden_layers", -1), heads,
                integer(j, "num_key_value_heads", heads), headDim, integer(j, "intermediate_size", -1),
                integer(j, "max_position_embeddings", 2048), num(j, "rms_norm_eps", 1e-6f), theta, RopeStyle.NEOX, headDim,
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

    private static int integer(Map<String, Object> j, String k, int def) {
        Object v = j.get(k);
        if (v == null) {
            if (def < 0) throw new IllegalArgumentException("config.json has no " + k);
            return def;
        }
        if (!(v instanceof Number n)) throw new IllegalArgumentException("config.json: " + k + " is not a number");
        return n.intValue();
    }

    private static float num(Map<String, Object> j, String k, double def) {
        return j.get(k) instanceof Number n ? n.floatValue() : (float) def;
    }

    private static boolean bool(Map<String, Object> j, String k, boolean def) {
        return j.get(k) instanceof Boolean b ? b : def;
    }
}
