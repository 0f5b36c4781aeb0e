package io.genai4j.cli.llm;

import picocli.CommandLine.Option;

/**
 * {@code --temperature}, {@code --top-k}, {@code --top-p}: how the next token is drawn from the
 * model's distribution, in every command that samples from a language model. Each command gives
 * its defaults, e.g. nanoGPT's sample.py {@code new NextTokenSampling(0.8f, 200, 1.0f)}; picocli
 * shows them in the help.
 */
public final class NextTokenSampling {
    @Option(names = "--temperature", description = "Sampling temperature; 0 = greedy (default ${DEFAULT-VALUE}).")
    float temperature;
    @Option(names = "--top-k", description = "Keep the k most likely tokens, 0 = all (default ${DEFAULT-VALUE}).")
    int topK;
    @Option(names = "--top-p", description = "Nucleus sampling mass (default ${DEFAULT-VALUE}).")
    float topP;

    public NextTokenSampling(float temperature, int topK, float topP) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
    }

    public float temperature() {
        return temperature;
    }

    public int topK() {
        return topK;
    }

    public float topP() {
        return topP;
    }
}
