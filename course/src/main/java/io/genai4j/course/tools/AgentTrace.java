package io.genai4j.course.tools;

import io.genai4j.llm.agent.AgentEvent;
import io.genai4j.llm.chat.ToolCall;
import java.util.Locale;

/** An agent's trace as lines for people (the tour and {@code genai agent} print the same). */
public final class AgentTrace {
    private AgentTrace() {}

    /** One event as text: a model turn with its calls, a tool's result, the end of the run. */
    public static String line(AgentEvent e) {
        return switch (e) {
            case AgentEvent.ModelTurn t -> {
                StringBuilder s = new StringBuilder("[" + t.step() + "] model");
                if (!t.response().message().content().isBlank()) s.append(": ").append(t.response().message().content().strip());
                for (ToolCall c : t.response().message().toolCalls()) s.append(" calls ").append(c.name()).append(' ').append(c.arguments());
                yield s.toString();
            }
            case AgentEvent.ToolRun r -> String.format(Locale.ROOT, "[%d] %s %s %s (%.1f ms)", r.step(), r.call().name(), r.error() ? "failed:" : "returns",
                    r.result().replace("\n", "\n    "), r.millis());
            case AgentEvent.Finished f -> "answer (" + f.reason() + ", " + f.steps() + " model turns): " + f.answer().strip();
        };
    }
}
