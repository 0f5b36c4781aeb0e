/**
 * The Transformer of "Attention Is All You Need" as an encoder-decoder translator, written with the
 * paper's names and section numbers: encoder and decoder layers, position-wise feed-forward nets,
 * sinusoidal positions. Trained and scored by {@code models.translation}.
 */
package io.genai4j.models.transformer;
