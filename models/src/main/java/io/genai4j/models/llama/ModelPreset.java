package io.genai4j.models.llama;

import java.util.Locale;

/**
 * The shapes of published models, for random benchmark models that cost no download: speed depends
 * on shapes and weight formats, not on weight values.
 *
 * @param llama31Rope Llama 3.1 RoPE scaling (factor 32, low/high frequency factors 1/4, original context 8192)
 */
public record ModelPreset(String name, Arch arch, int vocab, int dim, int layers, int heads, int kvHeads, int ffn, int context,
                          float ropeTheta, float normEps, boolean tied, boolean qkvBias, boolean llama31Rope) {

    public static final ModelPreset LLAMA_3_2_1B =
            new ModelPreset("llama-3.2-1b", Arch.LLAMA, 128256, 2048, 16, 32, 8, 8192, 131072, 500000f, 1e-5f, true, false, true);
    public static final ModelPreset QWEN_2_5_0_5B =
            new ModelPreset("qwen2.5-0.5b", Arch.QWEN2, 151936, 896, 24, 14, 2, 4864, 32768, 1000000f, 1e-6f, true, true, false);
    /** Small enough for tests: a few MB whatever the format. */
    public static final ModelPreset TINY =
            new ModelPreset("tiny", Arch.LLAMA, 512, 256, 2, 4, 2, 512, 2048, 10000f, 1e-5f, true, false, false);

    public static ModelPreset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "llama-3.2-1b" -> LLAMA_3_2_1B;
            case "qwen2.5-0.5b" -> QWEN_2_5_0_5B;
            case "tiny" -> TINY;
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (known: llama-3.2-1b, qwen2.5-0.5b, tiny)");
        };
    }

    public int headDim() {
        return dim / heads;
    }

    /** The same shapes with another vocabulary size (a tokenizer copied from another file). */
    public ModelPreset withVocab(int v) {
        return new ModelPreset(name, arch, v, dim, layers, heads, kvHeads, ffn, context, ropeTheta, normEps, tied, qkvBias, llama31Rope);
    }

    /** Parameters, embeddings included (the head counted once when tied). */
    public long parameters() {
        long perLayer = (long) dim * (dim + 2L * kvHeads * headDim()) + (long) dim * dim + 3L * dim * ffn + 2L * dim;
        return (long) layers * perLayer + (long) vocab * dim * (tied ? 1 : 2) + dim;
    }

    /**
     * Llama 3.1's per-frequency divisors, as llama.cpp's converter writes rope_freqs: wavelengths
     * shorter than 8192/4 keep their frequency, longer than 8192/1 are slowed 32×, and those between
     * are interpolated smoothly.
     */
    public float[] llama31Factors() {
        return HfConfig.llama3Factors(ropeTheta, headDim(), 32, 1, 4, 8192);
    }
}
