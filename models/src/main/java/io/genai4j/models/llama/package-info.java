/**
 * Pretrained decoder LLMs (Llama, Qwen 2/3, GPT-2) loaded from GGUF files or Hugging Face folders:
 * configs with llama.cpp's defaults, weights under Hugging Face names (quantized ones stay quantized),
 * the model as modules (attention with RoPE, SwiGLU, RMSNorm), conversion to GGUF and random benchmark
 * models. Generation drives a {@link io.genai4j.models.llama.CausalLm}. Greedy tokens are checked against
 * llama.cpp. The inference copy of the forward pass (LlamaInference, CacheAttention) is to move to the
 * decoder runtime of issue 14.
 */
package io.genai4j.models.llama;
