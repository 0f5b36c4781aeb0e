package io.genai4j.cli.llm;

import io.genai4j.cli.SeedOption;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.models.sampling.Penalties;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The sampling flags of run and chat (llama.cpp's names and defaults where it has them). */
public final class SamplingOptions {
    @Mixin NextTokenSampling draw = new NextTokenSampling(0.8f, 40, 0.95f);
    @Option(names = "--min-p", defaultValue = "0.05", description = "Drop tokens below min-p × the top probability (default ${DEFAULT-VALUE}).") float minP;
    @Option(names = "--repeat-penalty", defaultValue = "1.0", description = "Repetition penalty, 1 = off (default ${DEFAULT-VALUE}).") float repeatPenalty;
    @Option(names = "--repeat-last-n", defaultValue = "64", description = "Tokens the penalties look back over, 0 = all (default ${DEFAULT-VALUE}).") int repeatLastN;
    @Option(names = "--frequency-penalty", defaultValue = "0", description = "Subtract count × this from a token's logit (default ${DEFAULT-VALUE}).") float frequencyPenalty;
    @Option(names = "--presence-penalty", defaultValue = "0", description = "Subtract this from the logit of any token already seen (default ${DEFAULT-VALUE}).") float presencePenalty;
    @Mixin SeedOption seed = new SeedOption(42);
    @Option(names = "--stop", description = "Stop when the text contains this string (repeatable).") List<String> stop = new ArrayList<>();
    @Option(names = "--no-cache", description = "Recompute the whole context at every token (to compare with the KV cache).") boolean noCache;

    public GenerationOptions options(int maxTokens) {
        return new GenerationOptions(maxTokens, draw.temperature(), draw.topK(), draw.topP(), minP,
                new Penalties(repeatPenalty, frequencyPenalty, presencePenalty, repeatLastN), seed.value(), stop, !noCache);
    }
}
