package io.genai4j.llm.assistant;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.agent.Agent;
import io.genai4j.llm.agent.AgentEvent;
import io.genai4j.llm.agent.SchemaCheck;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.agent.builtin.FolderSearch;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.llm.chat.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Measures the assistant on held-out questions (a seed training never used), each run through the
 * agent loop with the real tools: the clock fixed at the question's moment, the search over a
 * folder holding every question's notes. A question counts when the first turn calls the right
 * tool (or none, for small talk), its arguments fit the tool's schema, and the final answer
 * contains the expected value (the whole expected reply for small talk).
 */
public final class AssistantEval {
    /** Held-out questions come from this seed; training uses its own (15 and 16 by default). */
    public static final long HELD_OUT_SEED = 1_000_015;

    /** Counts for one kind of question. */
    public record Tally(int questions, int rightTool, int validArguments, int rightAnswer, int allRight) {
        Tally plus(boolean tool, boolean args, boolean answer) {
            return new Tally(questions + 1, rightTool + (tool ? 1 : 0), validArguments + (args ? 1 : 0), rightAnswer + (answer ? 1 : 0),
                    allRight + (tool && args && answer ? 1 : 0));
        }

        public double share() {
            return questions == 0 ? 0 : (double) allRight / questions;
        }
    }

    /** Per kind (calculator, current_time, search, none) and in all. */
    public record Result(Map<String, Tally> byKind, Tally all) {}

    private AssistantEval() {}

    public static Result run(ChatModel model, int questions, GenerationOptions options, Path workDir, IntConsumer progress) throws IOException {
        AssistantData data = new AssistantData(HELD_OUT_SEED);
        List<AssistantData.Sample> samples = new ArrayList<>();
        for (int i = 0; i < questions; i++) samples.add(data.next());
        return run(model, samples, options, workDir, progress);
    }

    /**
     * The assistant on the given questions (a skill's held-out ones). The final answer must contain
     * the expected text, or be exactly it when the reference reply is nothing else (small talk, an
     * answer format such as {@link NumberOnlySkill}'s).
     */
    public static Result run(ChatModel model, List<AssistantData.Sample> samples, GenerationOptions options, Path workDir, IntConsumer progress)
            throws IOException {
        Path notes = Files.createDirectories(workDir.resolve("notes"));
        for (AssistantData.Sample s : samples) {
            for (var e : s.notes().entrySet()) Files.writeString(notes.resolve(e.getKey()), String.join("\n", e.getValue()) + "\n", StandardCharsets.UTF_8);
        }
        Map<String, Tally> byKind = new LinkedHashMap<>();
        Tally all = new Tally(0, 0, 0, 0, 0);
        Map<String, ToolSpec> specs = new LinkedHashMap<>();
        for (ToolSpec t : TinyAssistant.TOOLS) specs.put(t.name(), t);
        for (int i = 0; i < samples.size(); i++) {
            AssistantData.Sample s = samples.get(i);
            Clock clock = Clock.fixed(s.now() != null ? s.now() : Instant.EPOCH, ZoneOffset.UTC);
            List<Tool> tools = List.of(Calculator.tool(), CurrentTime.tool(clock), FolderSearch.tool(notes, 3));
            String kind = s.tool() == null ? "none" : s.tool();
            Agent.Result r;
            try {
                r = new Agent(model, tools, options, 3).run(s.question(), e -> {});
            } catch (IllegalArgumentException overflow) {
                // A conversation that outgrows the model's 192-token context (a sampled answer that rambles): wrong on every count.
                byKind.put(kind, byKind.getOrDefault(kind, new Tally(0, 0, 0, 0, 0)).plus(false, false, false));
                all = all.plus(false, false, false);
                progress.accept(i + 1);
                continue;
            }
            List<ToolCall> first = firstTurnCalls(r);
            boolean tool = s.tool() == null ? first.isEmpty() : !first.isEmpty() && first.getFirst().name().equals(s.tool());
            boolean args = first.stream().allMatch(c -> specs.containsKey(c.name()) && SchemaCheck.problems(specs.get(c.name()).parametersSchema(), c.arguments()).isEmpty());
            boolean exact = s.expected().equals(s.conversation().getLast().content());
            boolean answer = exact ? r.answer().strip().equals(s.expected()) : r.answer().contains(s.expected());
            byKind.put(kind, byKind.getOrDefault(kind, new Tally(0, 0, 0, 0, 0)).plus(tool, args, answer));
            all = all.plus(tool, args, answer);
            progress.accept(i + 1);
        }
        return new Result(byKind, all);
    }

    private static List<ToolCall> firstTurnCalls(Agent.Result r) {
        for (AgentEvent e : r.trace()) if (e instanceof AgentEvent.ModelTurn t) return toolCalls(t.response());
        return List.of();
    }

    private static List<ToolCall> toolCalls(ChatResponse r) {
        return r.message().toolCalls();
    }
}
