/**
 * GGUF, llama.cpp's model format: reading (header, metadata, tensor infos, memory-mapped tensor
 * slices) with every size and offset checked before use, so a hostile file fails with one message
 * naming the field; and writing version-3 files in llama.cpp's layout. ggml's type numbers and
 * block geometry are in {@link io.genai4j.engine.io.gguf.GgmlType}. Knows the file, not the model.
 */
package io.genai4j.engine.io.gguf;
