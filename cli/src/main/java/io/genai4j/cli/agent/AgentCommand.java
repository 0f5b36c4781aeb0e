package io.genai4j.cli.agent;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.rag.RagAsk;
import io.genai4j.cli.rag.RagCommand;
import io.genai4j.course.tools.AgentTrace;
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
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.retrieve.SearchTool;
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
            description = {"Tools to offer: calc, time, search (words over --folder), rag (search over a genai rag index, --index;",
                    "instead of search), http (fetches URLs: never on unless named) (default ${DEFAULT-VALUE})."})
    List<String> tools;
    @Option(names = "--folder", defaultValue = ".", description = "The folder the search tool reads (default ${DEFAULT-VALUE}).") Path folder;
    @Option(names = "--index", defaultValue = RagCommand.DEFAULT_INDEX, description = "The index the rag tool searches (default ${DEFAULT-VALUE}).") Path index;
    @Option(names = "--rag-k", defaultValue = "2", description = "Passages the rag tool returns (default ${DEFAULT-VALUE}; 1 for the tiny assistant's 192-token context).") int ragK;
    @Option(names = "--rag-chars", defaultValue = "160", description = "Characters per passage at most (default ${DEFAULT-VALUE}).") int ragChars;
    @Option(names = "--max-steps", defaultValue = "5", description = "Model turns at most (default ${DEFAULT-VALUE}).") int maxSteps;
    @Option(names = "--max-tokens", defaultValue = "256", description = "Tokens per model turn at most (default ${DEFAULT-VALUE}).") int maxTokens;
    @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature, 0 = greedy (default ${DEFAULT-VALUE}).") float temperature;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed when sampling (default ${DEFAULT-VALUE}).") long seed;
    @Mixin io.genai4j.cli.lora.LoraOption lora;
    @Mixin ThreadsOption threads;
    @Option(names = "--json", description = "Also print the answer and the trace as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        boolean rag = tools.stream().anyMatch(n -> n.strip().equalsIgnoreCase("rag"));
        try (RagSearcher searcher = rag ? RagSearcher.open(index) : null) {
            Tool ragTool = rag ? SearchTool.of(new Retriever(searcher, RagAsk.embedder(index, null)), Retriever.Query.of(Mode.HYBRID, ragK), ragChars) : null;
            return run(tools(tools, folder, ragTool));
        }
    }

    private int run(List<Tool> offered) throws Exception {
        GenerationOptions o = new GenerationOptions(maxTokens, temperature, 0, 1f, 0f, Penalties.NONE, seed, List.of(), true);
        PrintStream out = System.out;
        try (LoadedModel m = model.equals("tiny-assistant") ? TinyAssistant.load() : ModelLoader.load(ModelStore.resolve(model))) {
            lora.apply(m);
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

    /** The named tools; {@code rag} is the given index search tool (null when no index is open). */
    static List<Tool> tools(List<String> names, Path folder, Tool rag) {
        List<Tool> out = new ArrayList<>();
        for (String n : names) {
            out.add(switch (n.strip().toLowerCase(Locale.ROOT)) {
                case "calc", "calculator" -> Calculator.tool();
                case "time", "current_time" -> CurrentTime.tool(Clock.systemUTC());
                case "search" -> FolderSearch.tool(folder, 3);
                case "http", "http_get" -> HttpGet.tool(Duration.ofSeconds(10), 64 * 1024);
                case "rag" -> rag;
                default -> throw new IllegalArgumentException("unknown tool " + Printable.of(n) + " in --tools (known: calc, time, search, rag, http)");
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
