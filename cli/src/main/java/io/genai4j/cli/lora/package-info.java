/**
 * {@code genai lora train|merge|eval}: LoRA adapters on the shipped Shakespeare GPT, a GPT checkpoint
 * or a Llama/Qwen model (GGUF or Hugging Face directory), written as PEFT directories and llama.cpp
 * GGUF adapters; the figures go to stdout and, with --json, to one JSON line.
 */
package io.genai4j.cli.lora;
