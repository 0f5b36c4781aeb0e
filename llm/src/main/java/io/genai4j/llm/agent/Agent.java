package io.genai4j.llm.agent;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.llm.chat.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The agent loop: ask the model; if it calls tools, run them (the calls of one turn at once, on
 * virtual threads), append its call turn and their results to the conversation, and ask again;
 * stop when it answers without calls or after {@code maxSteps} model turns. A tool that throws,
 * an unknown tool or arguments that do not bind are results too ({@code error: ...}), so the model
 * can correct itself. Every step is an {@link AgentEvent}, kept in the result's trace and given to
 * the listener as it happens.
 */
public final class Agent {
    /** What a run produced: the final answer, the whole conversation, the trace and why it stopped. */
    public record Result(String answer, List<ChatMessage> conversation, List<AgentEvent> trace, String reason, int steps) {}

    private final ChatModel model;
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs = new ArrayList<>();
    private final GenerationOptions options;
    private final int maxSteps;

    public Agent(ChatModel model, List<Tool> tools, GenerationOptions options, int maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException("an agent needs at least 1 step, got " + maxSteps);
        this.model = model;
        for (Tool t : tools) {
            if (this.tools.putIfAbsent(t.name(), t) != null) throw new IllegalArgumentException("two tools are named " + t.name());
            specs.add(t.spec());
        }
        this.options = options;
        this.maxSteps = maxSteps;
    }

    public Result run(String question, Consumer<AgentEvent> listener) {
        return run(List.of(ChatMessage.user(question)), listener, ChatListener.NONE);
    }

    /** Runs from a conversation; {@code stream} receives the model's text and calls as they are generated. */
    public Result run(List<ChatMessage> start, Consumer<AgentEvent> listener, ChatListener stream) {
        List<ChatMessage> conv = new ArrayList<>(start);
        List<AgentEvent> trace = new ArrayList<>();
        Consumer<AgentEvent> emit = e -> {
            trace.add(e);
            listener.accept(e);
        };
        String answer = "", reason = "max_steps";
        int step = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (step < maxSteps) {
                step++;
                ChatResponse r = model.chat(new ChatRequest(conv, specs, "auto", null, options), stream);
                emit.accept(new AgentEvent.ModelTurn(step, r));
                conv.add(r.message());
                answer = r.message().content();
                if (r.message().toolCalls().isEmpty()) {
                    reason = r.finishReason().equals("stop") ? "answer" : r.finishReason();
                    break;
                }
                if (r.finishReason().equals("cancelled")) {
                    reason = "cancelled";
                    break;
                }
                runTools(step, r.message().toolCalls(), pool, conv, emit);
            }
        }
        emit.accept(new AgentEvent.Finished(step, answer, reason));
        return new Result(answer, List.copyOf(conv), List.copyOf(trace), reason, step);
    }

    private void runTools(int step, List<ToolCall> calls, ExecutorService pool, List<ChatMessage> conv, Consumer<AgentEvent> emit) {
        List<Future<AgentEvent.ToolRun>> runs = new ArrayList<>();
        for (ToolCall c : calls) runs.add(pool.submit(() -> runOne(step, c)));
        for (int i = 0; i < calls.size(); i++) {
            AgentEvent.ToolRun run;
            try {
                run = runs.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while tools ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a tool run failed outside the tool", e.getCause());   // runOne catches the tool's own errors
            }
            emit.accept(run);
            conv.add(ChatMessage.tool(calls.get(i), run.result()));   // results in call order, whatever order they finished in
        }
    }

    private AgentEvent.ToolRun runOne(int step, ToolCall call) {
        long t0 = System.nanoTime();
        Tool t = tools.get(call.name());
        String result;
        boolean error = false;
        if (t == null) {
            result = "error: unknown tool " + call.name() + " (available: " + String.join(", ", tools.keySet()) + ")";
            error = true;
        } else {
            try {
                result = t.call(call.arguments());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = "error: interrupted";
                error = true;
            } catch (Exception e) {
                result = "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                error = true;
            }
        }
        return new AgentEvent.ToolRun(step, call, result, error, (System.nanoTime() - t0) / 1e6);
    }
}
