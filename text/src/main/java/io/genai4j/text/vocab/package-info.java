/**
 * LLM vocabularies, read from where models keep them (GGUF {@code tokenizer.ggml.*} metadata, Hugging
 * Face tokenizer.json) into one {@link io.genai4j.text.vocab.Vocabulary}, and
 * {@link io.genai4j.text.vocab.LlmTokenizer}, which tokenizes as llama.cpp does (special tokens first, then
 * the model's algorithm). Malformed vocabularies fail where they are parsed, naming the field.
 */
package io.genai4j.text.vocab;
