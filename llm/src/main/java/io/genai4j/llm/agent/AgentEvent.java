package io.genai4j.llm.agent;

import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ToolCall;

/** One step of an agent's run, as its trace records it (a CLI prints these; the loop itself never prints). */
public sealed interface AgentEvent {
    /** The model answered turn {@code step} (1-based): text, calls, or both. */
    record ModelTurn(int step, ChatResponse response) implements AgentEvent {}

    /** A tool ran: its call, the result fed back (for an error, {@code error: message}), and how long it took. */
    record ToolRun(int step, ToolCall call, String result, boolean error, double millis) implements AgentEvent {}

    /**
     * The run ended: the final answer and why ({@code answer}: the model answered without calls;
     * {@code max_steps}: it still asked for tools after the last allowed turn; {@code length} or
     * {@code cancelled}: the model's turn ended so).
     */
    record Finished(int steps, String answer, String reason) implements AgentEvent {}
}
