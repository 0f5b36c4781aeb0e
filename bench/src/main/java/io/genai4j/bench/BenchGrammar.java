package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.util.Rounding;
import io.genai4j.engine.util.SharedDataDir;
import io.genai4j.llm.grammar.ByteAutomaton;
import io.genai4j.llm.grammar.GrammarMatcher;
import io.genai4j.llm.grammar.JsonSchema;
import io.genai4j.llm.grammar.RandomDecoding;
import io.genai4j.llm.grammar.SchemaCorpus;
import io.genai4j.llm.grammar.TokenTrie;
import io.genai4j.text.vocab.GgufVocabulary;
import io.genai4j.text.vocab.LlmTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai bench grammar}: JSON Schema constrained decoding on the Llama 3 vocabulary, one
 * thread: the time to compile each schema of the set and the time of every token mask while
 * decoding it, drawing uniformly among the allowed tokens (a model that would write anything).
 */
@Command(name = "grammar", mixinStandardHelpOptions = true,
        description = "Token-mask time (p50/p99/max) and schema compile time over a set of JSON Schemas, single thread, next to published anchors.")
public final class BenchGrammar implements Callable<Integer> {
    @Option(names = "--vocab", paramLabel = "GGUF", description = "A GGUF file whose vocabulary to use (default: llama.cpp's ggml-vocab-llama-bpe.gguf, Llama 3's 128,256 tokens, under tokenizers/llamacpp in the shared data folder: $GENAI_DATA, or ../shared/data beside the project).")
    Path vocab;
    @Option(names = "--schemas", defaultValue = "200", description = "Schemas in the set (default: ${DEFAULT-VALUE}).")
    int schemas;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the schema set and of the draws (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--max-tokens", defaultValue = "4000", description = "Most tokens per document (default: ${DEFAULT-VALUE}).")
    int maxTokens;
    @Mixin
    JsonOption json;

    /** Published per-token mask times, single thread (the anchors). */
    private static final String ANCHORS = "llama.cpp GBNF ~14.5 ms average; Outlines p50 0.12 ms, 38 s compile; XGrammar p50 8 us, p99 4.9 ms; llguidance p50 36 us, p99 0.46 ms, 1.6 ms compile";

    @Override
    public Integer call() throws Exception {
        if (schemas < 1) throw new IllegalArgumentException("--schemas must be >= 1");
        Path gguf = vocab != null ? vocab : defaultVocab();
        LlmTokenizer tok;
        try (GgufFile f = GgufFile.open(gguf)) {
            tok = new LlmTokenizer(GgufVocabulary.read(f.metadata()));
        }
        long t0 = System.nanoTime();
        TokenTrie trie = TokenTrie.of(tok);
        double trieMs = (System.nanoTime() - t0) / 1e6;
        List<String> set = SchemaCorpus.generate(schemas, seed);
        // JIT warm-up on schemas of another seed (compiled and decoded, then dropped), as JMH's warm-up iterations.
        SplittableRandom r = new SplittableRandom(seed);
        for (String s : SchemaCorpus.generate(20, seed + 1)) RandomDecoding.run(new GrammarMatcher(ByteAutomaton.compile(JsonSchema.grammar(s)), trie), r, maxTokens);
        long[] compile = new long[set.size()];
        long[][] masks = new long[set.size()][], cpu = new long[set.size()][];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] compileCpu = new long[set.size()];
        int complete = 0, tokens = 0, forced = 0;
        for (int i = 0; i < set.size(); i++) {
            long u0 = threads.getCurrentThreadCpuTime(), c0 = System.nanoTime();
            GrammarMatcher m = new GrammarMatcher(ByteAutomaton.compile(JsonSchema.grammar(set.get(i))), trie);
            compile[i] = System.nanoTime() - c0;
            compileCpu[i] = threads.getCurrentThreadCpuTime() - u0;
            RandomDecoding.Result res = RandomDecoding.run(m, r, maxTokens);
            masks[i] = res.maskNanos();
            cpu[i] = res.maskCpuNanos();
            if (res.complete()) complete++;
            tokens += res.tokens();
            forced += res.forced();
        }
        long[] all = Arrays.stream(masks).flatMapToLong(Arrays::stream).sorted().toArray();
        long[] allCpu = Arrays.stream(cpu).flatMapToLong(Arrays::stream).sorted().toArray();
        Arrays.sort(compile);
        Arrays.sort(compileCpu);
        System.out.printf(Locale.ROOT, "vocabulary %s: %,d tokens, trie of %,d nodes built in %.0f ms%n", gguf.getFileName(), trie.vocabSize(), trie.nodes(), trieMs);
        System.out.printf(Locale.ROOT, "%d schemas, %d complete; %,d tokens (%,d forced by fast-forward), %,d masks%n", set.size(), complete, tokens, forced, all.length);
        System.out.printf(Locale.ROOT, "mask time: p50 %.1f us, p99 %.1f us, max %.1f us, mean %.1f us%n", us(pct(all, 50)), us(pct(all, 99)), us(all[all.length - 1]), us(mean(all)));
        System.out.printf(Locale.ROOT, "mask CPU time: p50 %.1f us, p99 %.1f us, max %.1f us, mean %.1f us%n", us(pct(allCpu, 50)), us(pct(allCpu, 99)),
                us(allCpu[allCpu.length - 1]), us(mean(allCpu)));
        System.out.printf(Locale.ROOT, "compile time: p50 %.2f ms, p99 %.2f ms, max %.2f ms (CPU: p50 %.2f ms, p99 %.2f ms, max %.2f ms)%n", ms(pct(compile, 50)),
                ms(pct(compile, 99)), ms(compile[compile.length - 1]), ms(pct(compileCpu, 50)), ms(pct(compileCpu, 99)), ms(compileCpu[compileCpu.length - 1]));
        System.out.println("anchors: " + ANCHORS);
        if (json.on()) new Report().put("op", "grammar").put("vocab", gguf.getFileName().toString()).put("vocab_size", trie.vocabSize())
                .put("schemas", set.size()).put("complete", complete).put("tokens", tokens).put("forced_tokens", forced).put("masks", all.length)
                .put("mask_us_p50", Rounding.places(us(pct(all, 50)), 2)).put("mask_us_p99", Rounding.places(us(pct(all, 99)), 1))
                .put("mask_us_max", Rounding.places(us(all[all.length - 1]), 1)).put("mask_us_mean", Rounding.places(us(mean(all)), 2))
                .put("compile_ms_p50", Rounding.places(ms(pct(compile, 50)), 3)).put("compile_ms_p99", Rounding.places(ms(pct(compile, 99)), 3))
                .put("compile_ms_max", Rounding.places(ms(compile[compile.length - 1]), 3))
                .put("mask_cpu_us_p50", Rounding.places(us(pct(allCpu, 50)), 2)).put("mask_cpu_us_p99", Rounding.places(us(pct(allCpu, 99)), 1))
                .put("mask_cpu_us_max", Rounding.places(us(allCpu[allCpu.length - 1]), 1)).put("compile_cpu_ms_p50", Rounding.places(ms(pct(compileCpu, 50)), 3))
                .put("compile_cpu_ms_p99", Rounding.places(ms(pct(compileCpu, 99)), 3)).put("load_average", Rounding.places(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 1)).put("trie_ms", Rounding.places(trieMs, 1))
                .put("anchors", ANCHORS).printJson(System.out);
        return 0;
    }

    /** The p-th percentile of sorted values (nearest rank). */
    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double mean(long[] xs) {
        return Arrays.stream(xs).average().orElse(0);
    }

    private static double us(double nanos) {
        return nanos / 1e3;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    /** Llama 3's vocabulary in the shared data folder, found as every data set is (a worktree finds its parent's). */
    static Path defaultVocab() {
        Path p = SharedDataDir.resolve("tokenizers/llamacpp/ggml-vocab-llama-bpe.gguf");
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("Llama 3 vocabulary not found at " + p + "; pass --vocab FILE (a GGUF file with a tokenizer)");
        return p;
    }
}
