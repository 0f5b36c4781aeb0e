package io.genai4j.models.llama;

/**
 * Which pairs of a head's dimensions RoPE rotates together (llama.cpp's rope types).
 * <pre>
 *   NORM: (x[2i], x[2i+1])          llama on GGUF weights (the converter permuted Q and K rows)
 *   NEOX: (x[i], x[i + d/2])        qwen2, qwen3, and llama on Hugging Face weights (rotate_half)
 *   NONE: no rotary embedding       gpt2 (learned absolute positions)
 * </pre>
 * Pair i turns by the angle pos·θ_i with θ_i = base^(−2i/d), the same in both styles; only the
 * pairing differs, which is why permuting the rows of Wq and Wk turns one into the other.
 */
public enum RopeStyle { NORM, NEOX, NONE }
