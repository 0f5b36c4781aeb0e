package io.genai4j.models.llama;

import java.util.Locale;

/**
 * The decoder architectures genai4j runs, by GGUF's {@code general.architecture} (and Hugging
 * Face's {@code model_type}). How they differ, in llama.cpp's terms:
 * <ul>
 *   <li>llama: RMSNorm, SwiGLU MLP, grouped-query attention, RoPE in the NORM style (adjacent
 *       pairs) on GGUF weights, optional Llama 3.1 frequency factors, output tied or not;
 *   <li>qwen2: as llama with biases on Q, K and V and RoPE in the NEOX style (halves);
 *   <li>qwen3: as qwen2 without the biases, with an RMSNorm over each head of Q and K before RoPE;
 *   <li>gpt2: LayerNorm with bias, learned positions, fused QKV, GELU MLP, no RoPE.
 * </ul>
 */
public enum Arch {
    LLAMA, QWEN2, QWEN3, GPT2;

    public static Arch of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "llama", "mistral" -> LLAMA;
            case "qwen2" -> QWEN2;
            case "qwen3" -> QWEN3;
            case "gpt2" -> GPT2;
            default -> throw new IllegalArgumentException("unsupported architecture '" + name + "' (supported: llama, qwen2, qwen3, gpt2)");
        };
    }

    public String ggufName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
