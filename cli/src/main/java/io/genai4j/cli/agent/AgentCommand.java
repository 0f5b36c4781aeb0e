package io.genai4j.cli.agent;

import io.genai4j.cli.Report;
import io.genai4j.course.tools.AgentTrace;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.agent.Agent;
import io.genai4j.llm.agent.AgentEvent;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.agent.builtin.FolderSearch;
import io.genai4j.llm.agent.builtin.HttpGet;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.sampling.Penalties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai agent MODEL --tools calc,time "question"}: the agent loop, its trace printed step by step. */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Let a model answer a question by calling tools, printing every step.",
                "MODEL \"tiny-assistant\" is the small tool-calling model genai4j ships (genai assistant)."})
public final class AgentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "tiny-assistant, a .gguf file, a model directory, or OWNER/REPO in the cache.") String model;
    @Parameters(index = "1", paramLabel = "QUESTION", description = "What to ask.") String question;
    @Option(names = "--tools", split = ",", defaultValue = "calc,time,search",
            description = "Tools to offer: calc, time, search (over --folder), http (fetches URLs: never on unless named) (default ${DEFAULT-VALUE}).")
    List<String> tools;
    @Option(names = "--folder", defaultValue = ".", description = "The folder the search tool reads (default ${DEFAULT-VALUE}).") Path folder;
    @Option(names = "--max-steps", defaultValue = "5", description = "Model turns at most (default ${DEFAULT-VALUE}).") int maxSteps;
    @Option(names = "--max-tokens", defaultValue = "256", description = "Tokens per model turn at most (default ${DEFAULT-VALUE}).") int maxTokens;
    @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature, 0 = greedy (default ${DEFAULT-VALUE}).") float temperature;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed when sampling (default ${DEFAULT-VALUE}).") long seed;
    @Mixin ThreadsOption threads;
    @Option(names = "--json", description = "Also print the answer and the trace as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        List<Tool> offered = tools(tools, folder);
        GenerationOptions o = new GenerationOptions(maxTokens, temperature, 0, 1f, 0f, Penalties.NONE, seed, List.of(), true);
        PrintStream out = System.out;
        try (LoadedModel m = model.equals("tiny-assistant") ? TinyAssistant.load() : ModelLoader.load(ModelStore.resolve(model))) {
            Agent agent = new Agent(new LocalChatModel(m, model, 1), offered, o, maxSteps);
            Agent.Result r = agent.run(question, e -> out.println(AgentTrace.line(e)));
            if (json) {
                List<Map<String, Object>> trace = new ArrayList<>();
                for (AgentEvent e : r.trace()) trace.add(json(e));
                new Report().put("answer", r.answer()).put("reason", r.reason()).put("steps", r.steps()).put("trace", trace).printJson(out);
            }
        }
        return 0;
    }

    static List<Tool> tools(List<String> names, Path folder) {
        List<Tool> out = new ArrayList<>();
        for (String n : names) {
            out.add(switch (n.strip().toLowerCase(Locale.ROOT)) {
                case "calc", "calculator" -> Calculator.tool();
                case "time", "current_time" -> CurrentTime.tool(Clock.systemUTC());
                case "search" -> FolderSearch.tool(folder, 3);
                case "http", "http_get" -> HttpGet.tool(Duration.ofSeconds(10), 64 * 1024);
                default -> throw new IllegalArgumentException("unknown tool " + Printable.of(n) + " in --tools (known: calc, time, search, http)");
            });
        }
        return out;
    }

    static Map<String, Object> json(AgentEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (e) {
            case AgentEvent.ModelTurn t -> {
                m.put("event", "model");
                m.put("step", t.step());
                m.put("text", t.response().message().content());
                List<Map<String, Object>> calls = new ArrayList<>();
                for (ToolCall c : t.response().message().toolCalls()) calls.add(Map.of("id", c.id(), "name", c.name(), "arguments", c.arguments()));
                m.put("tool_calls", calls);
                m.put("finish_reason", t.response().finishReason());
            }
            case AgentEvent.ToolRun r -> {
                m.put("event", "tool");
                m.put("step", r.step());
                m.put("name", r.call().name());
                m.put("id", r.call().id());
                m.put("result", r.result());
                m.put("error", r.error());
                m.put("millis", Rounding.places(r.millis(), 3));
            }
            case AgentEvent.Finished f -> {
                m.put("event", "finished");
                m.put("steps", f.steps());
                m.put("reason", f.reason());
            }
        }
        return m;
    }
}
