package io.genai4j.cli.rag;

import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.llm.EndpointOptions;
import io.genai4j.cli.llm.SamplingOptions;
import io.genai4j.cli.prompt.ChatModelOptions;
import io.genai4j.rag.answer.RagAnswerer;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.retrieve.Retriever;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai rag serve}: the index answering questions over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the index over HTTP: POST /ask {\"question\": \"...\", \"k\": 5, \"mode\": \"hybrid\"} answers with the text,",
                "its checked [n] citations and the numbered chunks (the JSON of `genai rag ask --json`); GET /health.",
                "Answers are extractive without a generator, or written by --model (local) / --endpoint URL --model NAME (remote).",
                "Example: curl -s localhost:8090/ask -d '{\"question\":\"How is black tea brewed?\"}'"})
public final class RagServe implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = RagCommand.DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "8090", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;
    @Option(names = "-k", defaultValue = "5", description = "Chunks retrieved when a request does not say (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--sentences", defaultValue = "2", description = "Sentences in an extractive answer (default: ${DEFAULT-VALUE}).")
    int sentences;
    @Option(names = "--model", paramLabel = "MODEL", description = "The generator: a .gguf file, a model directory, OWNER/REPO, tiny-assistant (with --endpoint: the model's name there).")
    String model;
    @Option(names = "--max-tokens", defaultValue = "256", description = "Tokens of a generated answer at most (default ${DEFAULT-VALUE}).")
    int maxTokens;
    @Mixin
    SamplingOptions sampling;
    @Mixin
    EndpointOptions endpoint;
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        if (k < 1) throw new IllegalArgumentException("-k must be at least 1, got " + k);
        if (endpoint.remote() && model == null) throw new IllegalArgumentException("--endpoint needs --model NAME: the model's name on that server");
        try (RagSearcher searcher = RagSearcher.open(index);
             ChatModelOptions.Opened generator = model == null ? null : ChatModelOptions.open(model, endpoint)) {
            Embedder embedder = RagAsk.embedder(index, null);
            RagAnswerer answerer = new RagAnswerer(new Retriever(searcher, embedder), embedder, generator == null ? null : generator.model(),
                    sampling.options(maxTokens), sentences);
            try (RagHttp http = new RagHttp(answerer, embedder.name(), searcher.size(), k, Throwable::printStackTrace).start(host, port)) {
                System.err.printf("rag serve: %s (%,d chunks, %s), answers %s, on http://%s:%d/ask%n", index, searcher.size(), embedder.name(),
                        model == null ? "extractive" : "by " + model, host, http.port());
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
        return 0;
    }
}
