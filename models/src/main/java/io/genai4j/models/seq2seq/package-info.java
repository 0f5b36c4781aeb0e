/**
 * The RNN encoder-decoder with attention (Bahdanau additive or Luong multiplicative): a bidirectional
 * encoder, a stacked GRU/LSTM decoder stepped one token at a time, attention over the encoder's states.
 * Trained and scored by {@code models.translation}.
 */
package io.genai4j.models.seq2seq;
