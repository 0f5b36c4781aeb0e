/**
 * Byte-level BPE as GPT-2 made it: the byte alphabet, pre-tokenizers (GPT-2's pattern and the regex
 * sequences of llama.cpp and Hugging Face), encoding by repeated merges, training a vocabulary from a
 * corpus, and GPT-2's {@code encoder.json} / {@code vocab.bpe} files. Output ids match the reference
 * tokenizers byte for byte.
 */
package io.genai4j.text.bpe;
