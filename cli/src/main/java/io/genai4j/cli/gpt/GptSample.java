package io.genai4j.cli.gpt;

import io.genai4j.cli.Report;
import io.genai4j.cli.TokenPrinter;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.gpt.Generator;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.sampling.LogitsSampler;
import io.genai4j.text.Tokenizer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genai gpt sample}: generate text from a trained checkpoint, with a KV cache. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate text from a GPT checkpoint. --explain shows the top next-token probabilities at every step.")
public final class GptSample implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "Checkpoint directory (from genai gpt train --out; default: the shipped Shakespeare GPT).") Path checkpoint;
    @Option(names = "--prompt", defaultValue = "\n", description = "Text to continue (default: a newline).") String prompt;
    @Option(names = "--tokens", defaultValue = "500", description = "Tokens to generate (default ${DEFAULT-VALUE}).") int tokens;
    @Option(names = "--temperature", defaultValue = "0.8", description = "0 = greedy (default ${DEFAULT-VALUE}).") float temperature;
    @Option(names = "--top-k", defaultValue = "200", description = "Keep the k most likely tokens, 0 = all (default ${DEFAULT-VALUE}).") int topK;
    @Option(names = "--top-p", defaultValue = "1.0", description = "Nucleus sampling mass (default ${DEFAULT-VALUE}).") float topP;
    @Option(names = "--seed", defaultValue = "1337", description = "Random seed (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--no-cache", description = "Recompute the whole context for every token (to compare with the KV cache).") boolean noCache;
    @Option(names = "--explain", description = "Print the 5 most likely next tokens and their probabilities at every step.") boolean explain;
    @Option(names = "--json", description = "Also print the result as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        if (tokens < 0) throw new IllegalArgumentException("--tokens must be >= 0");
        GptCheckpoint ck = GptCheckpoint.loadOrBundled(checkpoint);
        Tokenizer tok = ck.tokenizer();
        int[] promptIds = tok.encode(prompt);
        LogitsSampler sampler = new LogitsSampler(temperature, topK, topP, seed);
        Generator.Listener listener;
        TokenPrinter printer = null;
        if (explain) {
            listener = (step, id, cand) -> {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4d  %-8s ←", step, "'" + tok.display(id) + "'"));
                for (int i = 0; i < Math.min(5, cand.ids().length); i++) {
                    sb.append(String.format(Locale.ROOT, "  %s %.3f", tok.display(cand.ids()[i]), cand.probs()[i]));
                }
                System.out.println(sb);
            };
        } else {
            // Stream: the prompt, then each token as it is drawn.
            System.out.print(prompt);
            System.out.flush();
            TokenPrinter p = printer = new TokenPrinter(tok, promptIds, System.out);
            listener = (step, id, cand) -> p.accept(id);
        }
        long t0 = System.nanoTime();
        int[] out = new Generator(ck.model()).generate(promptIds, tokens, sampler, !noCache, listener);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String text = tok.decode(out);
        if (printer != null) {
            printer.finish();
            System.out.println();
        } else {
            System.out.println();
            System.out.println(prompt + text);
        }
        System.err.printf(Locale.ROOT, "%d tokens in %.2f s (%.0f tokens/s)%n", out.length, seconds, out.length / Math.max(seconds, 1e-9));
        if (json) {
            new Report().put("prompt", prompt).put("text", text).put("tokens", out.length)
                    .put("tokens_per_s", Rounding.whole(out.length / Math.max(seconds, 1e-9))).printJson(System.out);
        }
        return 0;
    }
}
