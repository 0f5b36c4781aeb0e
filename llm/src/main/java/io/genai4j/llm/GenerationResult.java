package io.genai4j.llm;

/**
 * What a generation produced: the prompt's ids, the generated ids (without the end-of-generation
 * token), the text (cut before a stop string), why it stopped ({@code eos}, {@code stop},
 * {@code length}, {@code cancelled}) and the speeds of prompt processing and token generation in tokens per second.
 */
public record GenerationResult(int[] promptIds, int[] ids, String text, String stopReason, double promptTokensPerSecond,
                               double generatedTokensPerSecond) {}
