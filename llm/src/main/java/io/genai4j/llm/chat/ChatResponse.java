package io.genai4j.llm.chat;

/**
 * The answer to a {@link ChatRequest}: the assistant message (text and/or tool calls), why it ended
 * ({@code stop}, {@code length}, {@code tool_calls}, {@code cancelled}), and what it cost.
 */
public record ChatResponse(ChatMessage message, String finishReason, Usage usage) {
    /** Tokens read and written, and the speed of each phase (tokens/s; 0 when the model is remote). */
    public record Usage(int promptTokens, int completionTokens, double promptTokensPerSecond, double generatedTokensPerSecond) {
        public int totalTokens() {
            return promptTokens + completionTokens;
        }
    }
}
