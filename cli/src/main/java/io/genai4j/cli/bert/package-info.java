/**
 * {@code genai bert ...}: sentence embeddings, similarity, classification heads and attention maps
 * of the bundled BERT encoders. Options are parsed and checked here; the work is done by the
 * libraries.
 */
package io.genai4j.cli.bert;
