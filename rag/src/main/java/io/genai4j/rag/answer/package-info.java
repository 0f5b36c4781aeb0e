/**
 * Answers from retrieved chunks: the prompt with numbered sources for a generator, the check that
 * every citation {@code [n]} names a retrieved source, and the extractive answer (the best
 * sentences, query words highlighted, each cited) when no generator is configured.
 */
package io.genai4j.rag.answer;
