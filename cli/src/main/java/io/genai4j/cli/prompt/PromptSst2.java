package io.genai4j.cli.prompt;

import io.genai4j.cli.Report;
import io.genai4j.cli.bert.Sst2Option;
import io.genai4j.course.prompting.PromptScore;
import io.genai4j.course.prompting.Sst2Prompting;
import io.genai4j.course.prompting.Sst2Prompting.Selection;
import io.genai4j.llm.prompt.Example;
import io.genai4j.llm.prompt.FewShotPrompt;
import io.genai4j.models.bert.Sst2;
import io.genai4j.rag.embed.Embedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai prompt sst2}: sentiment by prompting, zero-shot against k-shot with three ways of choosing the shots. */
@Command(name = "sst2", mixinStandardHelpOptions = true,
        description = {"SST-2 sentiment (test.tsv) by prompting a chat model: zero-shot, and k-shot with demonstrations from train.tsv",
                "chosen fixed (the same k), random (per sentence), or nearest to the sentence by a BERT embedding (--encoder).",
                "Every combination of --shots and --select is run; accuracy and tokens per sentence are compared with the",
                "frozen BERT heads of `genai bert classify train` (README: 81-89%% on the same test.tsv)."})
public final class PromptSst2 implements Callable<Integer> {
    @Mixin
    PromptLesson lesson;
    @Mixin
    Sst2Option data;
    @Option(names = "--shots", split = ",", defaultValue = "0,4", description = "Demonstrations per prompt, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> shots;
    @Option(names = "--select", split = ",", defaultValue = "fixed,random,nearest",
            description = "How k-shot demonstrations are chosen: fixed, random, nearest; comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> select;
    @Option(names = "--pool", defaultValue = "500", description = "Demonstrations to choose from: whole training sentences, labels alternating (default: ${DEFAULT-VALUE}).")
    int pool;
    @Option(names = "--encoder", defaultValue = "minilm", description = "Sentence encoder for --select nearest (default: ${DEFAULT-VALUE}).")
    String encoder;
    @Option(names = "--limit", defaultValue = "872", description = "Test sentences (default: all ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--seed", defaultValue = "18", description = "Seed of the random selection (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--max-tokens", defaultValue = "4", description = "Tokens of each reply (default: ${DEFAULT-VALUE}: the label is a word).")
    int maxTokens;

    @Override
    public Integer call() throws Exception {
        lesson.applyThreads();
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        if (pool < 1) throw new IllegalArgumentException("--pool must be at least 1, got " + pool);
        for (int k : shots) if (k < 0 || k > pool) throw new IllegalArgumentException("--shots must be between 0 and --pool (" + pool + "), got " + k);
        List<Selection> selections = select.stream().map(Selection::parse).toList();
        Sst2 test = data.load("test");
        List<Example> demos = shots.stream().anyMatch(k -> k > 0) ? Sst2Prompting.pool(data.load("train"), pool, 6) : List.of();
        Function<String, float[]> embed = null;
        if (selections.contains(Selection.NEAREST) && !demos.isEmpty()) {
            Embedder e = Embedder.load(encoder);
            embed = s -> e.passages(List.of(s), null)[0];
        }
        int n = Math.min(limit, test.size());
        Map<String, PromptLesson.Method> methods = new LinkedHashMap<>();
        for (int k : shots) {
            for (Selection how : k == 0 ? List.<Selection>of(Selection.FIXED) : selections) {
                String method = k == 0 ? "zero-shot" : k + "-shot " + how.label();
                FewShotPrompt prompt = k == 0 ? FewShotPrompt.zeroShot(Sst2Prompting.SYSTEM, Sst2Prompting.INPUT)
                        : new FewShotPrompt(Sst2Prompting.SYSTEM, Sst2Prompting.INPUT, Sst2Prompting.selector(how, demos, seed, embed), k);
                methods.put(method, (model, progress) -> Sst2Prompting.run(model, test, n, prompt, method, maxTokens, progress));
            }
        }
        List<PromptScore> scores = lesson.score(methods, n, "sentences");
        lesson.show(String.format(Locale.ROOT, "SST-2 test by prompting %s: %d sentences", lesson.model(), n), "SST-2 by prompting " + lesson.model(), scores,
                new Report().put("model", lesson.model()).put("data", data.dir().toString()).put("sentences", n).put("pool", pool).put("encoder", encoder)
                        .put("seed", seed));
        return 0;
    }
}
