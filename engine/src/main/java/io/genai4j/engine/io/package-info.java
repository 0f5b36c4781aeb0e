/**
 * Tensor file formats, read and written as their reference implementations do: safetensors
 * (Hugging Face layout), checkpoints of named tensors as one atomic unit (a folder with a manifest of
 * sizes and SHA-256s), and the strict JSON parser their headers need. Readers memory-map and validate
 * before they trust a byte: a malformed file is one exception naming the file and the field. GGUF and
 * ONNX live in the subpackages; durable-write plumbing (atomic files, the cache folder) is in
 * {@code engine.util}, number formats in {@code engine.quant}.
 */
package io.genai4j.engine.io;
