/**
 * The GPT lesson: nanoGPT's model (GPT-2 architecture) as modules with nanoGPT's parameter names, its
 * data split and batches, its training loop and evaluation, checkpoints, sampling with a KV cache, and
 * export to a llama.cpp {@code gpt2} GGUF file. Losses are checked against nanoGPT's published ones.
 */
package io.genai4j.models.gpt;
