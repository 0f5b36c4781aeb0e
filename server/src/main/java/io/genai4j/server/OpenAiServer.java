package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.PromptTooLongException;
import io.genai4j.server.studio.Studio;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An OpenAI-compatible HTTP server (Javalin on Jetty) over one {@link Backend}: chat and text
 * completions (JSON or SSE), embeddings, models, llama-server's tokenizer helpers, {@code /health}
 * (readiness: 503 while the model loads or the server drains), {@code /live} (liveness) and
 * {@code /metrics}. It listens before the model is ready, so a load balancer sees it loading.
 *
 * <p>Errors are OpenAI's {@code {"error":{...}}} with the field named; an unexpected exception is
 * a 500 saying only that, and its trace goes to the {@code bugs} consumer, never to the client.
 * {@link #shutdown} stops taking generation requests, lets in-flight answers (streams included)
 * finish, then closes.
 */
public final class OpenAiServer implements AutoCloseable {
    private static final Set<String> OPEN = Set.of("/health", "/live");
    /** How long a stopping server waits for the studio's jobs (a training run stops at its next step). */
    private static final long STUDIO_JOBS_GRACE_MILLIS = 10_000;
    private static final Set<String> ENDPOINTS = Set.of("/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/models", "/health",
            "/live", "/metrics", "/tokenize", "/detokenize", "/apply-template");

    private final ServerSettings settings;
    private final Consumer<Throwable> bugs;
    private final Admission admission;
    private final ServerMetrics metrics;
    private final AtomicReference<Backend> backend = new AtomicReference<>();
    private volatile boolean draining;
    private Javalin app;
    private Studio studio;

    public OpenAiServer(ServerSettings settings, Consumer<Throwable> bugs) {
        this.settings = settings;
        this.bugs = bugs;
        this.admission = new Admission(settings.parallel(), settings.queue());
        this.metrics = new ServerMetrics(admission::waiting, admission::running);
    }

    /** Binds and starts answering (generation endpoints say 503 until {@link #ready}). */
    public OpenAiServer start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.routes.before(this::authorize);
            config.routes.get("/health", this::health);
            config.routes.get("/live", ctx -> json(ctx, 200, Json.object().put("status", "alive")));
            config.routes.get("/metrics", ctx -> ctx.contentType(ServerMetrics.contentType()).result(metrics.text()));
            config.routes.get("/v1/models", ctx -> json(ctx, 200, models()));
            config.routes.get("/v1/models/{id}", this::model);
            config.routes.post("/v1/chat/completions", this::chat);
            config.routes.post("/v1/completions", this::completions);
            config.routes.post("/v1/embeddings", ctx -> json(ctx, 200, EmbeddingsEndpoint.embed(body(ctx), embedder())));
            config.routes.post("/tokenize", ctx -> json(ctx, 200, TokenizerEndpoints.tokenize(body(ctx), ready().local("/tokenize"))));
            config.routes.post("/detokenize", ctx -> json(ctx, 200, TokenizerEndpoints.detokenize(body(ctx), ready().local("/detokenize"))));
            config.routes.post("/apply-template", ctx -> json(ctx, 200, TokenizerEndpoints.applyTemplate(body(ctx), ready().local("/apply-template"))));
            studio = new Studio(settings.apiKey() != null, this::studioBackend, bugs);
            studio.register(config.routes, this::body);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, invalid(e, ctx.path())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                bugs.accept(e);
                error(ctx, new ApiException(500, "server_error", "internal_error", null, "internal server error", 0));
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) error(ctx, new ApiException(404, "invalid_request_error", "unknown_url", null,
                        "no route " + ctx.method() + " " + Printable.of(ctx.path()), 0));
            });
            config.routes.after(ctx -> metrics.request(ENDPOINTS.contains(ctx.path()) ? ctx.path() : "other", ctx.statusCode()));
        }).start();
        return this;
    }

    /** The models are loaded: generation endpoints answer from now on. */
    public void ready(Backend b) {
        backend.set(b);
    }

    public int port() {
        return app.port();
    }

    public boolean isReady() {
        return backend.get() != null && !draining;
    }

    /**
     * Graceful stop: new generation requests get 503 and /health turns 503 (a load balancer takes the
     * replica out), answers in flight run to their end for up to {@code grace}, then the server closes.
     */
    public void shutdown(Duration grace) {
        draining = true;
        long until = System.nanoTime() + grace.toNanos();
        while (admission.inFlight() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (app != null) app.stop();
        if (studio != null) studio.close(STUDIO_JOBS_GRACE_MILLIS);
    }

    @Override
    public void close() {
        shutdown(settings.limits().timeout());
    }

    // ------------------------------------------------------------------------------------ handlers

    private void authorize(Context ctx) {
        if (settings.apiKey() == null || OPEN.contains(ctx.path()) || Studio.isPublic(ctx.path())) return;
        String auth = ctx.header("Authorization");
        byte[] expected = ("Bearer " + settings.apiKey()).getBytes(StandardCharsets.UTF_8);
        if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "invalid_request_error", "invalid_api_key", null,
                    auth == null ? "no API key: send the header Authorization: Bearer <key>" : "the API key is not valid", 0);
        }
    }

    private void health(Context ctx) {
        String status = draining ? "draining" : backend.get() == null ? "loading" : "ok";
        json(ctx, status.equals("ok") ? 200 : 503, Json.object().put("status", status));
    }

    private void chat(Context ctx) {
        JsonNode body = body(ctx);
        Backend b = ready();
        ChatCompletionRequest req = ChatCompletionRequest.read(body, settings.limits());
        ChatModel model = b.chat(req.model());   // the base or an adapter; a 404 naming anything else
        LogprobsJson logprobs = req.logprobs() < 0 ? null : new LogprobsJson(b.local(req.model(), "logprobs").model().tokenizer());
        ChatCompletions endpoint = new ChatCompletions(model, metrics, logprobs);
        generate(ctx, req.stream(), clock -> json(ctx, 200, endpoint.complete(req, clock)), (clock, sse) -> endpoint.stream(req, clock, sse));
    }

    private void completions(Context ctx) {
        JsonNode body = body(ctx);
        Backend b = ready();
        TextCompletions.Request req = TextCompletions.read(body, settings.limits());
        TextCompletions endpoint = new TextCompletions(b.local(req.model(), "/v1/completions"), metrics);
        generate(ctx, req.stream(), clock -> json(ctx, 200, endpoint.complete(req, clock)), (clock, sse) -> endpoint.stream(req, clock, sse));
    }

    /** Runs one generation request through the queue, whole or streamed. */
    private void generate(Context ctx, boolean stream, Consumer<RequestClock> whole, java.util.function.BiConsumer<RequestClock, SseWriter> streamed) {
        RequestClock clock = new RequestClock(settings.limits().timeout().toNanos());
        admission.enter(clock.deadline());
        try {
            if (!stream) {
                whole.accept(clock);
                return;
            }
            SseWriter sse = new SseWriter(ctx.res());
            try {
                streamed.accept(clock, sse);
            } catch (RuntimeException e) {
                if (!sse.started()) throw e;   // nothing sent yet: a plain JSON error with its status
                ApiException api = e instanceof ApiException a ? a : e instanceof IllegalArgumentException iae ? invalid(iae, ctx.path()) : null;
                if (api == null) {
                    bugs.accept(e);
                    api = new ApiException(500, "server_error", "internal_error", null, "internal server error", 0);
                }
                sse.send(Errors.body(api));
            }
        } finally {
            admission.leave();
        }
    }

    private void model(Context ctx) {
        String id = ctx.pathParam("id");
        for (JsonNode m : models().get("data")) if (m.get("id").textValue().equals(id)) {
            json(ctx, 200, (ObjectNode) m);
            return;
        }
        throw unknownModel(id);
    }

    private ObjectNode models() {
        Backend b = ready();
        ObjectNode o = Json.object().put("object", "list");
        ArrayNode data = o.putArray("data");
        addModel(data, b.chat().name());
        for (ChatModel a : b.adapters()) addModel(data, a.name()).put("parent", b.chat().name());   // vLLM's listing of a LoRA module
        if (b.embedder() != null) addModel(data, b.embeddingName());
        return o;
    }

    private static ObjectNode addModel(ArrayNode data, String id) {
        return data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", "genai4j");
    }

    // ------------------------------------------------------------------------------------- helpers

    /** What the studio shows: the models, or null while loading or draining. */
    private Backend studioBackend() {
        return draining ? null : backend.get();
    }

    private Backend ready() {
        if (draining) throw new ApiException(503, "server_error", "shutting_down", null, "the server is shutting down; retry on another replica", 1);
        Backend b = backend.get();
        if (b == null) throw new ApiException(503, "server_error", "loading", null, "the model is still loading; retry shortly", 1);
        return b;
    }

    private io.genai4j.models.bert.BertEncoder embedder() {
        Backend b = ready();
        if (b.embedder() == null) {
            throw new ApiException(404, "invalid_request_error", "model_not_found", "model", "this server has no embedding model (start it with --embedding-model)", 0);
        }
        return b.embedder();
    }

    static ApiException unknownModel(String name) {
        return new ApiException(404, "invalid_request_error", "model_not_found", "model", "the model \"" + Printable.of(name) + "\" does not exist here", 0);
    }

    /** The body as JSON, refusing more than the limit (413) before reading it all. */
    private JsonNode body(Context ctx) {
        long max = settings.limits().maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) throw tooLarge(declared, max);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw ApiException.invalid(null, "the request body could not be read: " + e.getMessage());
        }
        if (bytes.length > max) throw tooLarge(-1, max);
        return Json.parse(bytes);
    }

    private static ApiException tooLarge(long size, long max) {
        return new ApiException(413, "invalid_request_error", "request_too_large", null,
                "the request body is " + (size >= 0 ? size + " bytes" : "larger than that") + ", above this server's limit of " + max + " bytes", 0);
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static void error(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        json(ctx, e.status(), Errors.body(e));
    }

    /** A 400 for a request the model refused; a prompt too long for the session's context names the field that holds it. */
    private static ApiException invalid(IllegalArgumentException e, String path) {
        String field = e instanceof PromptTooLongException ? (path.endsWith("/chat/completions") ? "messages" : "prompt") : null;
        return ApiException.invalid(field, field == null ? e.getMessage() : field + ": " + e.getMessage());
    }
}
