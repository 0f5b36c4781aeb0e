/**
 * {@code genai rnn ...}: training and sampling the char-rnn lesson. Options are parsed and checked
 * here; the work is done by the libraries.
 */
package io.genai4j.cli.rnn;
