/**
 * SentencePiece's BPE as llama.cpp runs it on a {@code llama} GGUF vocabulary (scores, byte fallback,
 * the leading-space convention), so Llama 2/Mistral-style models tokenize as llama.cpp does.
 */
package io.genai4j.text.spm;
