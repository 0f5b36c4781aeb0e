/**
 * BERT's tokenizer with Hugging Face semantics: added tokens, {@code BertNormalizer}, BERT's
 * pre-tokenizer, WordPiece, template processing, longest-first truncation and padded batches, read
 * from tokenizer.json or vocab.txt. Ids, type ids and attention masks match the {@code tokenizers}
 * library.
 */
package io.genai4j.text.wordpiece;
