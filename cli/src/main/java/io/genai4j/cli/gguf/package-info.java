/**
 * {@code genai gguf ...}: writing GGUF files (random models of published shapes, for benchmarks
 * without downloads). Options are parsed and checked here; the work is done by the libraries.
 */
package io.genai4j.cli.gguf;
