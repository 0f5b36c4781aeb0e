package io.genai4j.cli.rag;

import io.genai4j.cli.ListenOptions;
import io.genai4j.cli.ThreadsOption;
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
    @Mixin
    ListenOptions listen = new ListenOptions(8090);
    @Option(names = "-k", defaultValue = "5", description = "Chunks retrieved when a request does not say (default: ${DEFAULT-VALUE}).")
    int k;
    @Mixin
    AnswerOptions answering;
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        if (k < 1) throw new IllegalArgumentException("-k must be at least 1, got " + k);
        try (RagSearcher searcher = RagSearcher.open(index); ChatModelOptions.Opened generator = answering.openGenerator()) {
            Embedder embedder = RagAsk.embedder(index, null);
            RagAnswerer answerer = answering.answerer(new Retriever(searcher, embedder), embedder, generator);
            try (RagHttp http = new RagHttp(answerer, embedder.name(), searcher.size(), k, Throwable::printStackTrace).start(listen.host(), listen.port())) {
                System.err.printf("rag serve: %s (%,d chunks, %s), answers %s, on http://%s:%d/ask%n", index, searcher.size(), embedder.name(),
                        answering.describe(), listen.host(), http.port());
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
        return 0;
    }
}
