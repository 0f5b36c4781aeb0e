/**
 * Text for the course's models: the {@link io.genai4j.text.Tokenizer} contract (text to ids and back),
 * the character and word tokenizers of the early lessons, a {@link io.genai4j.text.Corpus} with nanoGPT's
 * 90/10 split, and the copy detector that measures how much generated text is lifted from the training
 * text. The text module uses the engine's file formats and helpers, never tensors; it knows nothing
 * about models.
 */
package io.genai4j.text;
