package io.genai4j.cli.gpt;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.llm.NextTokenSampling;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.GenerationListener;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.models.gpt.GptLm;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.text.Tokenizer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai gpt sample}: generate text from a trained checkpoint, with a KV cache. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate text from a GPT checkpoint (a sliding window past its context length). --explain shows the top next-token probabilities at every step.")
public final class GptSample implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "Checkpoint directory (from genai gpt train --out; default: the shipped Shakespeare GPT).") Path checkpoint;
    @Option(names = "--prompt", defaultValue = "\n", description = "Text to continue (default: a newline).") String prompt;
    @Option(names = "--tokens", defaultValue = "500", description = "Tokens to generate (default ${DEFAULT-VALUE}).") int tokens;
    @Mixin NextTokenSampling draw = new NextTokenSampling(0.8f, 200, 1.0f);   // nanoGPT's sample.py: no top-p
    @Mixin SeedOption seed = new SeedOption(1337);
    @Option(names = "--no-cache", description = "Recompute the whole context for every token (to compare with the KV cache).") boolean noCache;
    @Option(names = "--explain", description = "Print the 5 most likely next tokens and their probabilities at every step.") boolean explain;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (tokens < 0) throw new IllegalArgumentException("--tokens must be >= 0");
        GptCheckpoint ck = GptCheckpoint.loadOrBundled(checkpoint);
        Tokenizer tok = ck.tokenizer();
        int[] promptIds = tok.encode(prompt);
        GenerationOptions options = GenerationOptions.slidingWindow(tokens, draw.temperature(), draw.topK(), draw.topP(), seed.value()).withCache(!noCache);
        GenerationListener listener;
        if (explain) {
            int[] step = {0};
            listener = GenerationListener.explaining((candidates, id) -> {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4d  %-8s ←", step[0]++, "'" + tok.display(id) + "'"));
                for (int i = 0; i < Math.min(5, candidates.ids().length); i++) {
                    sb.append(String.format(Locale.ROOT, "  %s %.3f", tok.display(candidates.ids()[i]), candidates.probs()[i]));
                }
                System.out.println(sb);
            });
        } else {
            // Stream: the prompt, then the text as it is drawn.
            System.out.print(prompt);
            System.out.flush();
            listener = text -> {
                System.out.print(text);
                System.out.flush();
            };
        }
        long t0 = System.nanoTime();
        GenerationResult r = new Generator(new GptLm(ck.model()), tok).generate(promptIds, options, listener);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = r.ids().length;
        System.out.println();
        if (explain) System.out.println(prompt + r.text());
        System.err.printf(Locale.ROOT, "%d tokens in %.2f s (%.0f tokens/s)%n", n, seconds, n / Math.max(seconds, 1e-9));
        if (json.on()) {
            new Report().put("prompt", prompt).put("text", r.text()).put("tokens", n)
                    .put("tokens_per_s", Rounding.whole(n / Math.max(seconds, 1e-9))).printJson(System.out);
        }
        return 0;
    }
}
