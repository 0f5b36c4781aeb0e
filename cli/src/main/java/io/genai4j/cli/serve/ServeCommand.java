package io.genai4j.cli.serve;

import io.genai4j.cli.ListenOptions;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.lora.LoraOption;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.server.Backend;
import io.genai4j.server.Limits;
import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai serve MODEL}: the OpenAI-compatible API on this machine. The port opens at once and
 * /health says 503 until the model is loaded; SIGTERM (or Ctrl-C) drains: no new requests, answers
 * in flight finish, then the process exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a model over the OpenAI API: /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models,",
                "/health, /live, /metrics, /tokenize, /detokenize, /apply-template. Point any OpenAI client at http://HOST:PORT/v1."})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.") String model;
    @Mixin ListenOptions listen = new ListenOptions(8080);
    @Option(names = "--api-key", defaultValue = "${env:GENAI_API_KEY}",
            description = "Require 'Authorization: Bearer KEY' on every route but /health and /live (default: $GENAI_API_KEY, else none).") String apiKey;
    @Option(names = "--parallel", defaultValue = "1", description = "Requests generating at once, each in its own session (default ${DEFAULT-VALUE}).") int parallel;
    @Option(names = "--queue", description = "Requests that may wait for a session before 429 (default: 4 × --parallel).") Integer queue;
    @Option(names = "--name", description = "The model's name in the API (default: MODEL as given).") String name;
    @Option(names = "--embedding-model", paramLabel = "minilm|bge-small|PATH", description = "Also serve /v1/embeddings with this BERT encoder.") String embeddingModel;
    @Option(names = "--ctx", description = "Tokens per session, prompt and answer together (default: the model's context length); a longer prompt is a 400.") Integer ctx;
    @Option(names = "--max-tokens", defaultValue = "2048", description = "Most tokens one choice may generate, and the default (default ${DEFAULT-VALUE}).") int maxTokens;
    @Option(names = "--max-body", defaultValue = "4194304", description = "Largest request body in bytes (default ${DEFAULT-VALUE}).") long maxBody;
    @Option(names = "--timeout", defaultValue = "300", description = "Seconds a request may take, queueing included (default ${DEFAULT-VALUE}).") int timeoutSeconds;
    @Option(names = "--lora", paramLabel = "NAME=ADAPTER[:SCALE]",
            description = {"Also serve the model with a LoRA adapter (PEFT directory or GGUF adapter, unmerged) as model NAME; repeatable.",
                    "Requests pick the base or an adapter with \"model\" (vLLM's --lora-modules)."}) List<String> loras = new ArrayList<>();
    @Mixin ThreadsOption threads;

    /** Counted down to stop serving (by the shutdown hook, or by a test). */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Counted down when draining is over: the shutdown hook waits for it, or the JVM would halt mid-drain. */
    private final CountDownLatch finished = new CountDownLatch(1);
    /** The port serving, once listening (tests ask with --port 0). */
    volatile int boundPort = -1;

    @Override
    public Integer call() throws Exception {
        if (queue != null && queue < 0) throw new IllegalArgumentException("--queue must be >= 0, got " + queue);
        if (ctx != null && ctx < 1) throw new IllegalArgumentException("--ctx must be >= 1, got " + ctx);
        threads.apply();
        Limits limits = new Limits(maxBody, maxTokens, 8, Duration.ofSeconds(timeoutSeconds));
        ServerSettings settings = new ServerSettings(listen.host(), listen.port(), apiKey, parallel, queue == null ? 4 * parallel : queue, limits);
        PrintStream err = System.err;
        OpenAiServer server = new OpenAiServer(settings, bug -> bug.printStackTrace(err)).start();
        boundPort = server.port();
        err.println("genai serve: listening on http://" + listen.host() + ":" + server.port() + "/v1, the studio at / (loading " + model + ")");
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(limits.timeout().toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "genai-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LoadedModel m = ModelLoader.load(ModelStore.resolve(model))) {
            BertEncoder encoder = embeddingModel == null ? null : BertEncoder.load(embeddingModel);
            int context = ctx == null ? m.config().contextLength() : ctx;
            if (context > m.config().contextLength()) {
                throw new IllegalArgumentException("--ctx " + context + " exceeds the model's context length of " + m.config().contextLength() + " tokens");
            }
            LocalChatModel base = new LocalChatModel(m, name == null ? model : name, parallel, context);
            server.ready(new Backend(base, adapters(m, base), encoder));
            err.println("genai serve: ready: " + m.description() + (loras.isEmpty() ? "" : "; adapters: " + String.join(", ", loras))
                    + (encoder == null ? "" : "; embeddings: " + encoder.name())
                    + "; " + parallel + " parallel, queue " + settings.queue());
            stop.await();
            err.println("genai serve: draining");
            server.shutdown(limits.timeout());
        } finally {
            server.shutdown(Duration.ZERO);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run
            }
        }
        return 0;
    }

    /**
     * One chat model per {@code --lora NAME=ADAPTER[:SCALE]}: the adapter is attached while the
     * model's sessions are made, which keep its side paths, then detached for the next one.
     */
    private List<ChatModel> adapters(LoadedModel m, LocalChatModel base) throws IOException {
        List<ChatModel> out = new ArrayList<>();
        for (String spec : loras) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--lora " + Printable.of(spec) + " must be NAME=ADAPTER[:SCALE], e.g. --lora french=adapters/fr:0.8");
            }
            String adapterName = spec.substring(0, eq);
            if (adapterName.equals(base.name()) || out.stream().anyMatch(c -> c.name().equals(adapterName))) {
                throw new IllegalArgumentException("--lora " + Printable.of(spec) + ": the name " + Printable.of(adapterName) + " is taken; give each adapter a name of its own");
            }
            LoraAdapter a = LoraOption.attach(m, spec.substring(eq + 1));
            try {
                out.add(base.withSessionsOfNow(adapterName));
            } finally {
                a.detach();
            }
        }
        return out;
    }
}
