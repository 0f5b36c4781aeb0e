package io.genai4j.llm.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub client against a local server imitating the Hugging Face endpoints (list, resolve with Range). */
class HubClientTest {
    @TempDir
    Path tmp;
    HttpServer server;
    final byte[] blob = new byte[300_000];
    String sha;
    volatile boolean corrupt;
    final AtomicInteger rangeRequests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 31 + i / 7);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (ex.getRequestHeaders().getFirst("Authorization") == null && path.contains("gated")) {
            send(ex, 401, "{\"error\":\"gated\"}".getBytes());
            return;
        }
        if (path.equals("/api/models/acme/tiny/revision/main")) {
            String json = "{\"id\":\"acme/tiny\",\"siblings\":[{\"rfilename\":\"config.json\",\"size\":2},"
                    + "{\"rfilename\":\"model.gguf\",\"size\":" + blob.length + ",\"lfs\":{\"sha256\":\"" + sha + "\",\"size\":" + blob.length + "}}]}";
            send(ex, 200, json.getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/acme/tiny/resolve/main/config.json")) {
            send(ex, 200, "{}".getBytes());
        } else if (path.equals("/acme/tiny/resolve/main/model.gguf")) {
            byte[] body = blob.clone();
            if (corrupt) body[1000] ^= 1;
            String range = ex.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
                rangeRequests.incrementAndGet();
                from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            }
            byte[] part = java.util.Arrays.copyOfRange(body, from, body.length);
            ex.sendResponseHeaders(range != null ? 206 : 200, part.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(part);
            }
        } else {
            send(ex, 404, "{\"error\":\"not found\"}".getBytes());
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private HubClient client(String token) {
        return new HubClient("http://127.0.0.1:" + server.getAddress().getPort(), token);
    }

    @Test
    void listsAndDownloadsWithChecksum() throws Exception {
        HubClient hub = client(null);
        List<HubClient.RemoteFile> files = hub.list("acme/tiny");
        assertEquals(2, files.size());
        HubClient.RemoteFile gguf = files.get(1);
        assertEquals(sha, gguf.sha256());
        Path got = hub.download("acme/tiny", gguf, tmp.resolve("acme/tiny"), false);
        assertArrayEquals(blob, Files.readAllBytes(got));
        assertFalse(Files.exists(got.resolveSibling("model.gguf.part")));
        assertEquals("{}", Files.readString(hub.download("acme/tiny", files.get(0), tmp.resolve("acme/tiny"), false)));
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws Exception {
        HubClient hub = client(null);
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        Path dir = tmp.resolve("r");
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.gguf.part"), java.util.Arrays.copyOf(blob, 123_456));   // an interrupted earlier run
        Path got = hub.download("acme/tiny", gguf, dir, false);
        assertArrayEquals(blob, Files.readAllBytes(got));
        assertEquals(1, rangeRequests.get());
    }

    @Test
    void aCorruptDownloadIsRejectedAndDeleted() throws Exception {
        corrupt = true;
        HubClient hub = client(null);
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        IOException e = assertThrows(IOException.class, () -> hub.download("acme/tiny", gguf, tmp.resolve("c"), false));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("c/model.gguf")));
        assertFalse(Files.exists(tmp.resolve("c/model.gguf.part")));
    }

    @Test
    void clearErrorsFor401And404AndNoServer() throws Exception {
        IOException e401 = assertThrows(IOException.class, () -> client(null).list("acme/gated"));
        assertTrue(e401.getMessage().contains("HF_TOKEN"), e401.getMessage());
        IOException e404 = assertThrows(IOException.class, () -> client(null).list("acme/missing"));
        assertTrue(e404.getMessage().contains("not found"), e404.getMessage());
        int port = server.getAddress().getPort();
        server.stop(0);
        IOException down = assertThrows(IOException.class, () -> new HubClient("http://127.0.0.1:" + port, null).list("acme/tiny"));
        assertTrue(down.getMessage().contains("127.0.0.1"), down.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client(null).list("not a repo"));
    }
}
