/**
 * LoRA fine-tuning of any module tree built on {@code engine.nn.Linear} (our GPT, Llama, Qwen): which
 * layers to adapt ({@link io.genai4j.llm.lora.LoraTargets}: a name list, a regex or all-linear, as
 * PEFT matches them), the adapter set wrapped around them ({@link io.genai4j.llm.lora.LoraAdapter}:
 * trainable parameters, merge, unmerge, detach), the portable adapter ({@link io.genai4j.llm.lora.LoraWeights},
 * Hugging Face names and row order) and its two file formats, PEFT's directory
 * ({@link io.genai4j.llm.lora.PeftAdapter}) and llama.cpp's GGUF adapter
 * ({@link io.genai4j.llm.lora.GgufAdapter}). Writes are atomic; nothing here prints.
 */
package io.genai4j.llm.lora;
