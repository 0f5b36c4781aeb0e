package io.genai4j.cli.assistant;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.cli.lora.LoraOption;
import io.genai4j.llm.assistant.AssistantData;
import io.genai4j.llm.assistant.AssistantEval;
import io.genai4j.llm.assistant.AssistantSkill;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.sampling.Penalties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai assistant eval}: the share of held-out questions the assistant gets entirely right. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure the tiny assistant on held-out questions: right tool, schema-valid arguments, right final answer (greedy, unconstrained).")
public final class AssistantEvalCommand implements Callable<Integer> {
    @Option(names = "--model", description = "A GGUF file from genai assistant train (default: the shipped model).") Path model;
    @Option(names = "--questions", defaultValue = "200", description = "Held-out questions (default ${DEFAULT-VALUE}).") int questions;
    @Option(names = "--constrained", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Hold each tool call, once started, to the tools' schemas with the grammar engine (default; --no-constrained measures the model alone).")
    boolean constrained;
    @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature (default ${DEFAULT-VALUE}: greedy; at 1 the constraint has more to catch).")
    float temperature;
    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed with --temperature (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--skill", description = "Held-out questions of a skill from genai assistant data (weekend, number-only) instead of the assistant's own mix.") String skill;
    @Mixin LoraOption lora;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (questions < 1) throw new IllegalArgumentException("--questions must be >= 1, got " + questions);
        threads.apply();
        Path work = Files.createTempDirectory("assistant-eval");
        List<AssistantData.Sample> held = skill == null ? null : AssistantSkill.named(skill, AssistantSkill.HELD_OUT_SEED).take(questions);
        try (LoadedModel m = model == null ? TinyAssistant.load() : ModelLoader.load(model)) {
            lora.apply(m);
            long t0 = System.nanoTime();
            LocalChatModel chat = new LocalChatModel(m, TinyAssistant.NAME, 1).constrainToolCalls(constrained);
            GenerationOptions options = new GenerationOptions(96, temperature, 0, 1f, 0f, Penalties.NONE, seed, List.of(), true);
            IntConsumer progress = done -> { if (done % 20 == 0) System.err.printf("%d/%d questions%n", done, questions); };
            AssistantEval.Result r = held == null ? AssistantEval.run(chat, questions, options, work, progress) : AssistantEval.run(chat, held, options, work, progress);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> kinds = new LinkedHashMap<>();
            for (var e : r.byKind().entrySet()) {
                AssistantEval.Tally t = e.getValue();
                System.out.printf(Locale.ROOT, "%-13s %3d questions: right tool %5.1f%%, valid arguments %5.1f%%, right answer %5.1f%%, all right %5.1f%%%n",
                        e.getKey(), t.questions(), pct(t.rightTool(), t), pct(t.validArguments(), t), pct(t.rightAnswer(), t), 100 * t.share());
                kinds.put(e.getKey(), Map.of("questions", t.questions(), "right_tool", t.rightTool(), "valid_arguments", t.validArguments(),
                        "right_answer", t.rightAnswer(), "all_right", t.allRight()));
            }
            System.out.printf(Locale.ROOT, "all right: %d of %d held-out questions (%.1f%%), %s, in %.0f s%n", r.all().allRight(), r.all().questions(),
                    100 * r.all().share(), constrained ? "tool calls constrained" : "unconstrained", seconds);
            if (json.on()) {
                new Report().put("questions", r.all().questions()).put("all_right", r.all().allRight()).put("share", Rounding.places(r.all().share(), 4))
                        .put("skill", skill == null ? "all" : skill).put("lora", lora.given())
                        .put("constrained", constrained).put("temperature", temperature).put("by_kind", kinds).put("seconds", Rounding.places(seconds, 1)).printJson(System.out);
            }
        }
        return 0;
    }

    private static double pct(int n, AssistantEval.Tally t) {
        return t.questions() == 0 ? 0 : 100.0 * n / t.questions();
    }
}
