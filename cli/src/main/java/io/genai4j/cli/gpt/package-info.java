/**
 * {@code genai gpt ...}: training nanoGPT's GPT, evaluating, sampling, attention maps, and export
 * to GGUF. Options are parsed and checked here; the work is done by the libraries.
 */
package io.genai4j.cli.gpt;
