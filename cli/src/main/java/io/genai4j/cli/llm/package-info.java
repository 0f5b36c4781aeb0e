/**
 * {@code genai run / chat / tokenize / inspect / pull / models}: running pretrained LLMs from GGUF
 * files or Hugging Face folders, and managing downloaded models. Options are parsed and checked
 * here; the work is done by the libraries.
 */
package io.genai4j.cli.llm;
