/**
 * {@code genai transformer ...}: training the Transformer translator and drawing its attention.
 * Options are parsed and checked here; the work is done by the libraries.
 */
package io.genai4j.cli.transformer;
