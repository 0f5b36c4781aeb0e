/**
 * {@code genai ngram ...}: training, scoring, evaluating and sampling n-gram language models, and
 * next-token tables. Options are parsed and checked here; the work is done by the libraries.
 */
package io.genai4j.cli.ngram;
