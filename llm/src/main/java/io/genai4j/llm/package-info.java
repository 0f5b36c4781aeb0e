/**
 * Using LLMs: generation (the prompt as one batch, then one token at a time, streamed as text through
 * {@link io.genai4j.llm.TextStream}), generation options and results, and where models live
 * ({@link io.genai4j.llm.ModelStore}: a path or a name in the cache; {@link io.genai4j.llm.CachedModels}:
 * listing and removing downloads), and constrained decoding: a {@link io.genai4j.llm.TokenConstraint}
 * in the options restricts every step to the tokens it allows (grammars, JSON Schema, regular
 * expressions: {@code io.genai4j.llm.grammar}). Drives any {@code models.llama.CausalLm}; does not print.
 */
package io.genai4j.llm;
