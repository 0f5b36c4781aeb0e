/**
 * {@code genai word2vec ...}: training word vectors, neighbours, analogies and a 2-D map of chosen
 * words. Options are parsed and checked here; the work is done by the libraries.
 */
package io.genai4j.cli.word2vec;
