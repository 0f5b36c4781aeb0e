package io.genai4j.cli.rag;

import io.genai4j.cli.llm.EndpointOptions;
import io.genai4j.cli.llm.SamplingOptions;
import io.genai4j.cli.prompt.ChatModelOptions;
import io.genai4j.rag.answer.RagAnswerer;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.retrieve.Retriever;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code rag ask} and {@code rag serve} answer: extractive (--sentences) or by a local or remote generator. */
public final class AnswerOptions {
    @Option(names = "--sentences", defaultValue = "2", description = "Sentences in an extractive answer (default: ${DEFAULT-VALUE}).")
    int sentences;
    @Option(names = "--model", paramLabel = "MODEL",
            description = "The generator: a .gguf file, a model directory, OWNER/REPO in the cache, tiny-assistant (with --endpoint: the model's name there).")
    String model;
    @Option(names = "--max-tokens", defaultValue = "256", description = "Tokens of a generated answer at most (default ${DEFAULT-VALUE}).")
    int maxTokens;
    @Mixin
    SamplingOptions sampling;
    @Mixin
    EndpointOptions endpoint;

    /** The generator asked for (null: extractive answers), checked before anything is loaded. */
    ChatModelOptions.Opened openGenerator() throws IOException {
        if (sentences < 1) throw new IllegalArgumentException("--sentences must be at least 1, got " + sentences);
        if (endpoint.remote() && model == null) throw new IllegalArgumentException("--endpoint needs --model NAME: the model's name on that server");
        return model == null ? null : ChatModelOptions.open(model, endpoint);
    }

    RagAnswerer answerer(Retriever retriever, Embedder embedder, ChatModelOptions.Opened generator) {
        return new RagAnswerer(retriever, embedder, generator == null ? null : generator.model(), sampling.options(maxTokens), sentences);
    }

    String describe() {
        return model == null ? "extractive" : "by " + model;
    }
}
