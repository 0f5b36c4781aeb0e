/**
 * {@code genai seq2seq ...}: training the RNN encoder-decoder translator (the verbs both
 * translators share are in {@code cli.translate}). Options are parsed and checked here; the work is
 * done by the libraries.
 */
package io.genai4j.cli.seq2seq;
