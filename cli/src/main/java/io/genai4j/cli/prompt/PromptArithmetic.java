package io.genai4j.cli.prompt;

import io.genai4j.cli.Report;
import io.genai4j.course.prompting.ArithmeticPrompting;
import io.genai4j.course.prompting.ArithmeticPrompting.Mode;
import io.genai4j.course.prompting.PromptScore;
import io.genai4j.course.prompting.WordProblem;
import io.genai4j.course.prompting.WordProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai prompt arithmetic}: direct answers against chain-of-thought and self-consistency on generated word problems. */
@Command(name = "arithmetic", mixinStandardHelpOptions = true,
        description = {"Multi-step arithmetic word problems, generated from a seed with known answers, asked three ways: direct (the",
                "number only), cot (step by step, then \"The answer is N\"), self-consistency (k sampled chains, majority vote).",
                "Accuracy and tokens spent per problem, for every --mode given."})
public final class PromptArithmetic implements Callable<Integer> {
    @Mixin
    PromptLesson lesson;
    @Option(names = "--mode", split = ",", defaultValue = "direct,cot,self-consistency",
            description = "direct, cot, self-consistency; comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> modes;
    @Option(names = "--k", defaultValue = "5", description = "Samples voted on by self-consistency (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--problems", defaultValue = "50", description = "Problems generated (default: ${DEFAULT-VALUE}).")
    int problems;
    @Option(names = "--steps", defaultValue = "3", description = "Operations per problem (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--seed", defaultValue = "18", description = "Seed of the problems and of the samples (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature of self-consistency (default: ${DEFAULT-VALUE}).")
    float temperature;
    @Option(names = "--max-tokens", defaultValue = "256", description = "Tokens of a reasoning reply (default: ${DEFAULT-VALUE}; a direct one gets 16).")
    int maxTokens;

    @Override
    public Integer call() throws Exception {
        lesson.applyThreads();
        List<Mode> ms = modes.stream().map(Mode::parse).toList();
        if (ms.contains(Mode.SELF_CONSISTENCY) && temperature <= 0) throw new IllegalArgumentException("self-consistency needs --temperature > 0, got " + temperature);
        List<WordProblem> ps = WordProblems.generate(problems, steps, seed);
        ArithmeticPrompting.Settings settings = new ArithmeticPrompting.Settings(16, maxTokens, k, temperature, seed);
        Map<String, PromptLesson.Method> methods = new LinkedHashMap<>();
        for (Mode mode : ms) methods.put(mode.label, (model, progress) -> ArithmeticPrompting.run(model, ps, mode, settings, progress));
        List<PromptScore> scores = lesson.score(methods, ps.size(), "problems");
        lesson.show(String.format(Locale.ROOT, "Word problems (%d steps, seed %d) asked of %s: %d problems", steps, seed, lesson.model(), ps.size()),
                "Arithmetic word problems, " + lesson.model(), scores,
                new Report().put("model", lesson.model()).put("problems", ps.size()).put("steps", steps).put("seed", seed).put("k", k).put("temperature", temperature));
        return 0;
    }
}
