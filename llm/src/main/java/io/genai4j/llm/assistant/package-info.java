/**
 * The tiny assistant: a small Llama-architecture chat model that calls tools, trained here from
 * scratch on synthetic conversations (arithmetic and units → calculator, dates → clock, look-ups →
 * search, small talk → no tool) with its own byte-level BPE and a ChatML template with Hermes-style
 * tool calls; its trainer, its held-out evaluation through the agent loop, and the shipped model
 * (a class-path GGUF resource with its model card).
 */
package io.genai4j.llm.assistant;
