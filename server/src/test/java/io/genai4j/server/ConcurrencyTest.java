package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Load and lifecycle: a full queue answers 429 with Retry-After at once, a request past its timeout
 * is stopped (504), a client that disconnects stops its generation within a token or two, the API
 * key guards every route but the health checks, and a graceful shutdown lets a stream in flight
 * finish while /health already says the replica is draining.
 */
class ConcurrencyTest {
    static final String CHAT = "{\"model\":\"slow\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @Test
    void aFullQueueIsRefusedWith429AndRetryAfter() throws Exception {
        SlowChatModel model = new SlowChatModel(3, 1, true);
        try (TinyServer s = TinyServer.of(model, ServerSettings.local(0, 1).withQueue(1))) {
            CompletableFuture<TinyServer.Reply> running = CompletableFuture.supplyAsync(() -> s.post("/v1/chat/completions", CHAT + "}"));
            assertTrue(model.started.await(10, TimeUnit.SECONDS));
            CompletableFuture<TinyServer.Reply> queued = CompletableFuture.supplyAsync(() -> s.post("/v1/chat/completions", CHAT + "}"));
            long t0 = System.nanoTime();
            while (!s.get("/metrics").text().contains("genai_queue_depth 1")) {
                assertTrue(System.nanoTime() - t0 < 10e9, "the second request never queued");
                Thread.sleep(10);
            }
            TinyServer.Reply refused = s.post("/v1/chat/completions", CHAT + "}");
            assertEquals(429, refused.status(), refused.text());
            assertEquals("1", refused.raw().headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.json().get("error").get("message").asText().contains("busy"));
            model.gate.countDown();
            assertEquals(200, running.get(10, TimeUnit.SECONDS).status());
            assertEquals(200, queued.get(10, TimeUnit.SECONDS).status());
            assertTrue(s.get("/metrics").text().contains("genai_requests_total{endpoint=\"/v1/chat/completions\",status=\"429\"} 1.0"));
        }
    }

    @Test
    void aRequestPastItsTimeoutIsStopped() {
        SlowChatModel model = new SlowChatModel(100_000, 2, false);
        try (TinyServer s = TinyServer.of(model, ServerSettings.local(0, 1).withLimits(new Limits(1 << 20, 100_000, 1, Duration.ofMillis(300))))) {
            long t0 = System.nanoTime();
            TinyServer.Reply r = s.post("/v1/chat/completions", CHAT + "}");
            assertEquals(504, r.status(), r.text());
            assertTrue((System.nanoTime() - t0) / 1e9 < 5, "stopped near its deadline");
            assertTrue(model.cancelledAt.get() > 0);
        }
    }

    @Test
    void aClientThatLeavesStopsItsGeneration() throws Exception {
        SlowChatModel model = new SlowChatModel(100_000, 5, false);
        try (TinyServer s = TinyServer.of(model, ServerSettings.local(0, 1))) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.base() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT + ",\"stream\":true}")).build();
            HttpResponse<InputStream> r = s.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] some = in.readNBytes(200);
                assertTrue(new String(some, StandardCharsets.UTF_8).startsWith("data: "));
            }   // closing the body closes the connection
            long t0 = System.nanoTime();
            while (model.cancelledAt.get() < 0) {
                assertTrue(System.nanoTime() - t0 < 10e9, "generation never stopped");
                Thread.sleep(5);
            }
            int atCancel = model.cancelledAt.get();
            Thread.sleep(100);
            assertEquals(atCancel, model.tokens.get(), "no token after the cancel");
            assertTrue(atCancel < 1000, "stopped soon after the client left: " + atCancel);
            assertEquals(200, s.post("/v1/chat/completions", "{\"model\":\"slow\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").status());
        }
    }

    @Test
    void theApiKeyGuardsEverythingButHealth() {
        try (TinyServer s = TinyServer.of(new ScriptedChatModel("hi", List.of()), ServerSettings.local(0, 1).withApiKey("sekret"))) {
            assertEquals(200, s.get("/health").status());
            assertEquals(200, s.get("/live").status());
            for (String path : List.of("/v1/models", "/metrics")) {
                TinyServer.Reply r = s.get(path);
                assertEquals(401, r.status(), path);
                assertEquals("invalid_api_key", r.json().get("error").get("code").asText());
            }
            TinyServer.Reply wrong = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/v1/models")).header("Authorization", "Bearer nope").GET().build());
            assertEquals(401, wrong.status());
            TinyServer.Reply right = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/v1/models")).header("Authorization", "Bearer sekret").GET().build());
            assertEquals(200, right.status());
        }
    }

    @Test
    void healthIs503UntilTheModelIsReady() {
        try (TinyServer s = new TinyServer(ServerSettings.local(0, 1), null)) {
            assertEquals(503, s.get("/health").status());
            assertEquals("loading", s.get("/health").json().get("status").asText());
            assertEquals(503, s.post("/v1/chat/completions", CHAT + "}").status());
            s.server.ready(new Backend(new ScriptedChatModel("x", List.of()), null));
            assertEquals(200, s.get("/health").status());
        }
    }

    @Test
    void aGracefulShutdownFinishesTheStreamInFlight() throws Exception {
        SlowChatModel model = new SlowChatModel(20, 10, true);
        TinyServer s = TinyServer.of(model, ServerSettings.local(0, 1));
        CompletableFuture<TinyServer.Reply> stream = CompletableFuture.supplyAsync(() -> s.post("/v1/chat/completions", CHAT + ",\"stream\":true}"));
        assertTrue(model.started.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> s.server.shutdown(Duration.ofSeconds(30)));
        long t0 = System.nanoTime();
        while (s.server.isReady()) {
            assertTrue(System.nanoTime() - t0 < 5e9);
            Thread.sleep(5);
        }
        TinyServer.Reply health = s.get("/health");
        assertEquals(503, health.status());
        assertEquals("draining", health.json().get("status").asText());
        assertEquals(503, s.post("/v1/chat/completions", CHAT + "}").status(), "no new work while draining");
        model.gate.countDown();
        TinyServer.Reply r = stream.get(30, TimeUnit.SECONDS);
        List<String> events = TinyServer.events(r.text());
        assertEquals("[DONE]", events.getLast());
        assertEquals(20 + 2, events.size() - 1, "role chunk, 20 tokens... and the finish chunk");
        stopping.get(30, TimeUnit.SECONDS);
    }
}
