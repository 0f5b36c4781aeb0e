/**
 * The char-rnn lesson: a character-level language model on stacked RNN/GRU/LSTM layers, its truncated
 * BPTT training over parallel streams, evaluation with a carried state, sampling and checkpoints.
 */
package io.genai4j.models.rnn;
