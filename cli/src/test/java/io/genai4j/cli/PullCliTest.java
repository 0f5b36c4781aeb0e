package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `genai pull` against a local imitation of the hub, then `genai models list`. */
class PullCliTest {
    @TempDir
    Path tmp;
    HttpServer server;
    final ExecutorService pool = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);
    final byte[] weights = new byte[200_000];
    String sha;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < weights.length; i++) weights[i] = (byte) (i * 7);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        System.setProperty("genai.cache", tmp.resolve("cache").toString());
        System.setProperty("genai.hf.endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        System.clearProperty("genai.cache");
        System.clearProperty("genai.hf.endpoint");
        System.clearProperty("genai.hf.timeout");
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.matches("/api/models/acme/(tiny|slow)/revision/main")) {
            byte[] json = ("{\"siblings\":[{\"rfilename\":\"model.gguf\",\"size\":" + weights.length + ",\"lfs\":{\"sha256\":\"" + sha + "\",\"size\":" + weights.length + "}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, json.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(json);
            }
        } else if (path.matches("/acme/(tiny|slow)/resolve/main/model.gguf")) {
            ex.sendResponseHeaders(200, weights.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (path.startsWith("/acme/slow/")) {
                    out.write(weights, 0, 50_000);
                    out.flush();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                out.write(weights);
            }
        } else {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        }
    }

    @Test
    void pullsIntoTheHubSubtreeAndListsIt() throws Exception {
        CliRun pull = CliRun.of("pull", "acme/tiny", "--json");
        assertEquals(0, pull.code(), pull.err());
        Path file = tmp.resolve("cache/hub/acme/tiny/model.gguf");
        assertArrayEquals(weights, Files.readAllBytes(file));
        assertEquals(file.toString(), pull.json().get("dir").asText() + "/model.gguf");
        CliRun list = CliRun.of("models", "list", "--json");
        assertEquals("acme/tiny", list.json().get("models").get(0).get("name").asText());
        assertEquals(weights.length, list.json().get("models").get(0).get("bytes").asLong());
    }

    @Test
    @Timeout(60)
    void aStalledPullIsOneLineExitTwoAndLeavesAPartialDownloadToResume() throws Exception {
        System.setProperty("genai.hf.timeout", "0.5");
        CliRun pull = CliRun.of("pull", "acme/slow");
        assertEquals(2, pull.code(), pull.err());
        String last = pull.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("genai: download of acme/slow/model.gguf stalled (no data for 0.5 s) at 50000 of 200000 bytes"), pull.err());
        assertEquals(50_000, Files.size(tmp.resolve("cache/hub/acme/slow/model.gguf.part")));
        CliRun list = CliRun.of("models", "list", "--json");
        assertEquals(1, list.json().get("models").get(0).get("partial").asInt());
    }
}
