package io.genai4j.cli.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.rag.answer.Answer;
import io.genai4j.rag.answer.AnswerJson;
import io.genai4j.rag.answer.RagAnswerer;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTP face of {@link RagAnswerer} (Javalin, as the OpenAI-compatible server): {@code POST /ask}
 * with {@code {"question": "...", "k": 5, "mode": "hybrid", "filter": ["source=docs/*"], "mmr": 0.7}}
 * (all but the question optional) answers with the text, its checked citations and the numbered
 * chunks, as {@code genai rag ask --json} prints them; {@code GET /health} says the index is open.
 * A bad request is a 400 {@code {"error": "..."}} naming the field; an unexpected exception a 500
 * saying only that, its trace handed to {@code bugs}.
 */
final class RagHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RagAnswerer answerer;
    private final String encoder;
    private final int defaultK;
    private final Consumer<Throwable> bugs;
    private final int chunks;
    private Javalin app;

    RagHttp(RagAnswerer answerer, String encoder, int chunks, int defaultK, Consumer<Throwable> bugs) {
        this.answerer = answerer;
        this.encoder = encoder;
        this.chunks = chunks;
        this.defaultK = defaultK;
        this.bugs = bugs;
    }

    /** Listens on host:port (port 0: any free port, see {@link #port()}). */
    RagHttp start(String host, int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "chunks", chunks, "model", encoder)));
            config.routes.post("/ask", this::ask);
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> json(ctx, 400, Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                bugs.accept(e);
                json(ctx, 500, Map.of("error", "internal server error"));
            });
        }).start();
        return this;
    }

    int port() {
        return app.port();
    }

    private void ask(Context ctx) throws Exception {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) throw new IllegalArgumentException("the request body must be a JSON object with a \"question\"");
        JsonNode q = body.get("question");
        if (q == null || !q.isTextual() || q.asText().isBlank()) throw new IllegalArgumentException("\"question\" must be a non-empty string");
        Mode mode = Mode.parse(text(body, "mode", "hybrid"));
        int k = body.has("k") ? intField(body, "k") : defaultK;
        List<String> filters = new ArrayList<>();
        JsonNode f = body.get("filter");
        if (f != null) {
            if (!f.isArray()) throw new IllegalArgumentException("\"filter\" must be an array of \"field=value\" strings");
            for (JsonNode e : f) filters.add(e.asText());
        }
        double mmr = body.has("mmr") ? body.get("mmr").asDouble(Double.NaN) : Double.NaN;
        Retriever.Query query = new Retriever.Query(mode, k, Filter.parse(filters), mmr);
        String question = q.asText().strip();
        Answer a = answerer.ask(question, query, ChatListener.NONE);
        json(ctx, 200, AnswerJson.of(question, mode.name().toLowerCase(Locale.ROOT), encoder, a));
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an answer did not serialize", e);
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode v = body.get(field);
        if (v == null) return fallback;
        if (!v.isTextual()) throw new IllegalArgumentException("\"" + field + "\" must be a string, got " + Printable.of(v.toString()));
        return v.asText();
    }

    private static int intField(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw new IllegalArgumentException("\"" + field + "\" must be an integer, got " + Printable.of(v.toString()));
        return v.asInt();
    }

    @Override
    public void close() {
        if (app != null) app.stop();
    }
}
