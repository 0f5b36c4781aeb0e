package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.server.Backend;
import io.genai4j.server.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The studio's routes on the API server: the page at {@code /}, its files at {@code /studio/NAME},
 * and its JSON at {@code /studio/api/...}. The page and files are public ({@link #isPublic}): they
 * hold no data, and the page must load to ask for the API key; the JSON routes are not.
 */
public final class Studio {
    static final String AUTH = "/studio/api/auth";

    private final boolean keyRequired;
    private final Consumer<Throwable> bugs;
    private final Supplier<Backend> backend;
    private final StudioTools tools = new StudioTools(Clock.systemUTC());
    private final NgramLesson ngram = new NgramLesson();
    private final GptLesson gpt = new GptLesson();
    private final TranslationLesson translation = new TranslationLesson();
    private final WordVectorsLesson words = new WordVectorsLesson();
    private final BertLesson bert = new BertLesson();
    private final GenerativeLesson generative = new GenerativeLesson();
    private final TrainingLesson training;
    private final LadderLesson ladder;
    private final VisionLesson vision;
    private final RagPlayground rag;

    /**
     * @param keyRequired whether the server asks for an API key (the page then asks the user for it)
     * @param backend the models served, or null while none is loaded (or in a studio without one)
     * @param bugs where an unexpected failure of a background job (a training run) goes
     */
    public Studio(boolean keyRequired, Supplier<Backend> backend, Consumer<Throwable> bugs) {
        this.keyRequired = keyRequired;
        this.bugs = bugs;
        this.backend = backend;
        this.training = new TrainingLesson(bugs);
        this.ladder = new LadderLesson(bugs);
        this.vision = new VisionLesson(bugs);
        this.rag = new RagPlayground(bert::encoder, backend, bugs);
    }

    /** Paths anyone may GET without the key: the page, its files, and whether a key is needed. */
    public static boolean isPublic(String path) {
        return path.equals("/") || path.equals(AUTH) || path.startsWith("/studio/") && StudioAssets.exists(path.substring("/studio/".length()));
    }

    /** Adds the routes; {@code body} reads a request body as JSON under the server's size limit. */
    public void register(RoutesConfig routes, Function<Context, JsonNode> body) {
        routes.get("/", ctx -> asset(ctx, "index.html"));
        routes.get("/studio/{file}", ctx -> asset(ctx, ctx.pathParam("file")));
        routes.get(AUTH, ctx -> json(ctx, Json.object().put("key_required", keyRequired)));
        routes.get("/studio/api/status", ctx -> json(ctx, status()));
        routes.get("/studio/api/tools", ctx -> json(ctx, tools.list()));
        routes.get("/studio/api/models", ctx -> json(ctx, ModelsInfo.of(backend.get())));
        routes.post("/studio/api/tools/run", ctx -> json(ctx, tools.run(body.apply(ctx))));
        routes.post("/studio/api/lessons/ngram/next", ctx -> json(ctx, ngram.next(body.apply(ctx))));
        routes.post("/studio/api/lessons/ngram/sample", ctx -> json(ctx, ngram.sample(body.apply(ctx))));
        routes.post("/studio/api/lessons/word2vec/analogy", ctx -> json(ctx, words.analogy(body.apply(ctx))));
        routes.post("/studio/api/lessons/word2vec/map", ctx -> json(ctx, words.map(body.apply(ctx))));
        routes.post("/studio/api/lessons/gpt/sample", ctx -> json(ctx, gpt.sample(body.apply(ctx))));
        routes.post("/studio/api/lessons/gpt/attention", ctx -> json(ctx, gpt.attention(body.apply(ctx))));
        routes.post("/studio/api/lessons/bert/attention", ctx -> json(ctx, bert.attention(body.apply(ctx))));
        routes.post("/studio/api/lessons/generative", ctx -> json(ctx, generative.sample(body.apply(ctx))));
        routes.post("/studio/api/lessons/translation", ctx -> json(ctx, translation.translate(body.apply(ctx))));
        jobRoutes(routes, body, "training", training.runs, training::start);
        jobRoutes(routes, body, "ladder", ladder.runs, ladder::start);
        jobRoutes(routes, body, "vision", vision.runs, vision::start);
        routes.get("/studio/api/vision/status", ctx -> json(ctx, vision.status()));
        jobRoutes(routes, body, "rag/index", rag.indexing, rag::index);
        routes.get("/studio/api/rag/status", ctx -> json(ctx, rag.status()));
        routes.post("/studio/api/rag/ask", ctx -> json(ctx, rag.ask(body.apply(ctx))));
        routes.post("/studio/api/rag/clear", ctx -> json(ctx, rag.clear()));
    }

    /** A long job's routes: POST /studio/api/NAME/start and /stop, GET /studio/api/NAME/events (SSE). */
    private static void jobRoutes(RoutesConfig routes, Function<Context, JsonNode> body, String name, JobSlot slot,
                                  Function<JsonNode, ObjectNode> start) {
        routes.post("/studio/api/" + name + "/start", ctx -> json(ctx, start.apply(body.apply(ctx))));
        routes.post("/studio/api/" + name + "/stop", ctx -> json(ctx, slot.stop()));
        routes.get("/studio/api/" + name + "/events", slot::events);
    }

    /**
     * The server is stopping: refuses new jobs and stops the running ones (a training run ends at its
     * next step), waiting up to {@code millis} for them; true when none is left running.
     */
    public boolean close(long millis) {
        try {
            List<JobSlot> slots = List.of(training.runs, ladder.runs, vision.runs, rag.indexing);
            for (JobSlot slot : slots) slot.shutdown();
            long until = System.currentTimeMillis() + millis;
            boolean allEnded = true;
            for (JobSlot slot : slots) allEnded &= slot.awaitIdle(Math.max(0, until - System.currentTimeMillis()));
            if (rag.indexing.awaitIdle(0)) rag.close();   // an indexing still going keeps its folder
            return allEnded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            bugs.accept(e);
            return false;
        }
    }

    private ObjectNode status() {
        ObjectNode o = Json.object();
        Backend b = backend.get();
        if (b == null) o.putNull("chat_model");
        else o.put("chat_model", b.chat().name());
        return o;
    }

    private static void asset(Context ctx, String name) {
        if (!StudioAssets.exists(name)) {
            ctx.status(404);
            return;
        }
        // no-cache: a browser revalidates, so a rebuilt jar's page never mixes with old scripts
        ctx.header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                .contentType(StudioAssets.contentType(name)).result(StudioAssets.bytes(name));
    }

    static void json(Context ctx, ObjectNode body) {
        ctx.status(200).contentType("application/json").result(Json.write(body));
    }
}
