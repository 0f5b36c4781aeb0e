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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The hub client against a local server imitating the Hugging Face endpoints (list, resolve with Range). */
class HubClientTest {
    /** git's blob id of "{}": SHA-1 of "blob 2\0{}" (git hash-object). */
    static final String CONFIG_BLOB_ID = "9e26dfeeb6e641a33dae4961196235bdb965b21b";
    @TempDir
    Path tmp;
    HttpServer server;
    final byte[] blob = new byte[300_000];
    String sha;
    volatile boolean corrupt;
    volatile boolean corruptConfig;
    /** When set, the GGUF's body stops after this many bytes until {@link #release} opens. */
    volatile int stallAfter = -1;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger rangeRequests = new AtomicInteger();
    final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 31 + i / 7);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);   // a stalled answer must not block the next request
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (ex.getRequestHeaders().getFirst("Authorization") == null && path.contains("gated")) {
            send(ex, 401, "{\"error\":\"gated\"}".getBytes());
            return;
        }
        if (path.equals("/api/models/acme/tiny/revision/main")) {
            String json = "{\"id\":\"acme/tiny\",\"siblings\":[{\"rfilename\":\"config.json\",\"size\":2,\"blobId\":\"" + CONFIG_BLOB_ID + "\"},"
                    + "{\"rfilename\":\"model.gguf\",\"size\":" + blob.length + ",\"lfs\":{\"sha256\":\"" + sha + "\",\"size\":" + blob.length + "}}]}";
            send(ex, 200, json.getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/acme/tiny/resolve/main/config.json")) {
            send(ex, 200, (corruptConfig ? "[]" : "{}").getBytes());
        } else if (path.equals("/api/models/acme/odd/revision/main")) {
            String json = "{\"siblings\":[{\"rfilename\":\"nosize.bin\"},{\"rfilename\":\"liar.bin\",\"size\":10},"
                    + "{\"rfilename\":\"../../escape.txt\",\"size\":2},{\"rfilename\":\"\\u001b[31mred.txt\",\"size\":2},{\"rfilename\":\"sub/../../up.txt\",\"size\":2}]}";
            send(ex, 200, json.getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith("/acme/odd/resolve/main/")) {
            ex.sendResponseHeaders(200, 0);   // chunked: no Content-Length
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[1000]);
            }
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
                int stall = stallAfter;
                if (stall >= 0) {
                    out.write(part, 0, stall);
                    out.flush();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;   // the client gave up long ago
                }
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
        Path got = hub.download("acme/tiny", gguf, tmp.resolve("acme/tiny"), DownloadListener.NONE);
        assertArrayEquals(blob, Files.readAllBytes(got));
        assertFalse(Files.exists(got.resolveSibling("model.gguf.part")));
        assertEquals("{}", Files.readString(hub.download("acme/tiny", files.get(0), tmp.resolve("acme/tiny"), DownloadListener.NONE)));
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws Exception {
        HubClient hub = client(null);
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        Path dir = tmp.resolve("r");
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.gguf.part"), java.util.Arrays.copyOf(blob, 123_456));   // an interrupted earlier run
        List<String> heard = new ArrayList<>();
        long[] received = {0};
        Path got = hub.download("acme/tiny", gguf, dir, new DownloadListener() {
            @Override
            public void started(String file, long from, long total) {
                heard.add("started " + file + " " + from + " " + total);
            }

            @Override
            public void received(long n) {
                received[0] = n;
            }

            @Override
            public void ended() {
                heard.add("ended");
            }
        });
        assertArrayEquals(blob, Files.readAllBytes(got));
        assertEquals(1, rangeRequests.get());
        // the library reports the transfer instead of drawing it; this run's bytes only, so a bar's rate is this run's rate
        assertEquals(List.of("started model.gguf 123456 " + blob.length, "ended"), heard);
        assertEquals(blob.length - 123_456, received[0]);
    }

    @Test
    void aCorruptDownloadIsRejectedAndDeleted() throws Exception {
        corrupt = true;
        HubClient hub = client(null);
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        IOException e = assertThrows(IOException.class, () -> hub.download("acme/tiny", gguf, tmp.resolve("c"), DownloadListener.NONE));
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

    @Test
    @Timeout(60)
    void aStalledBodyTimesOutKeepsWhatArrivedAndTheNextRunResumes() throws Exception {
        stallAfter = 100_000;
        HubClient hub = new HubClient("http://127.0.0.1:" + server.getAddress().getPort(), null, Duration.ofMillis(700));
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        Path dir = tmp.resolve("s");
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> hub.download("acme/tiny", gguf, dir, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("stalled") && e.getMessage().contains("run the same command again"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "timed out in time");
        assertEquals(100_000, Files.size(dir.resolve("model.gguf.part")), "what arrived before the stall is kept");
        stallAfter = -1;
        Path got = hub.download("acme/tiny", gguf, dir, DownloadListener.NONE);
        assertArrayEquals(blob, Files.readAllBytes(got));
        assertEquals(1, rangeRequests.get());
    }

    @Test
    void aCachedFileOfTheListedSizeIsCheckedByDigestAndFetchedAgainWhenItDiffers() throws Exception {
        HubClient hub = client(null);
        List<HubClient.RemoteFile> files = hub.list("acme/tiny");
        Path dir = tmp.resolve("v");
        Path gguf = hub.download("acme/tiny", files.get(1), dir, DownloadListener.NONE);
        Path config = hub.download("acme/tiny", files.get(0), dir, DownloadListener.NONE);
        byte[] damaged = blob.clone();
        damaged[5] ^= 1;
        Files.write(gguf, damaged);          // same size, other bytes
        Files.writeString(config, "[]");     // same size: only the git blob id tells
        assertArrayEquals(blob, Files.readAllBytes(hub.download("acme/tiny", files.get(1), dir, DownloadListener.NONE)));
        assertEquals("{}", Files.readString(hub.download("acme/tiny", files.get(0), dir, DownloadListener.NONE)));
    }

    @Test
    void aSmallFileIsCheckedAgainstItsGitBlobId() throws Exception {
        corruptConfig = true;
        HubClient hub = client(null);
        HubClient.RemoteFile config = hub.list("acme/tiny").get(0);
        assertEquals(CONFIG_BLOB_ID, config.gitSha1());
        IOException e = assertThrows(IOException.class, () -> hub.download("acme/tiny", config, tmp.resolve("g"), DownloadListener.NONE));
        assertTrue(e.getMessage().contains("git blob id"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("g/config.json")));
        assertFalse(Files.exists(tmp.resolve("g/config.json.part")));
    }

    @Test
    void listingsWithoutSizeAndDigestOrWithTooSmallASizeAreRefused() throws Exception {
        HubClient hub = client(null);
        List<HubClient.RemoteFile> files = hub.list("acme/odd");
        Path dir = tmp.resolve("o");
        IOException unbounded = assertThrows(IOException.class, () -> hub.download("acme/odd", files.get(0), dir, DownloadListener.NONE));
        assertTrue(unbounded.getMessage().contains("neither a size nor a digest"), unbounded.getMessage());
        IOException liar = assertThrows(IOException.class, () -> hub.download("acme/odd", files.get(1), dir, DownloadListener.NONE));
        assertTrue(liar.getMessage().contains("more than the 10 bytes"), liar.getMessage());
        assertFalse(Files.exists(dir.resolve("liar.bin")));
        Path part = dir.resolve("liar.bin.part");
        assertTrue(!Files.exists(part) || Files.size(part) <= 10, "no more than the listed size is kept");
    }

    @Test
    void namesThatLeaveTheFolderOrHoldControlCharactersAreRefusedAndQuotedSafely() throws Exception {
        HubClient hub = client(null);
        List<HubClient.RemoteFile> files = hub.list("acme/odd");
        Path dir = tmp.resolve("a/b/repo");
        for (HubClient.RemoteFile f : files.subList(2, 5)) {
            IOException e = assertThrows(IOException.class, () -> hub.download("acme/odd", f, dir, DownloadListener.NONE));
            assertTrue(e.getMessage().contains("refusing"), e.getMessage());
            assertFalse(e.getMessage().contains("\u001b"), "no raw ESC in the message");
        }
        IOException esc = assertThrows(IOException.class, () -> hub.download("acme/odd", files.get(3), dir, DownloadListener.NONE));
        assertTrue(esc.getMessage().contains("\\x1b[31mred.txt"), esc.getMessage());
        assertFalse(Files.exists(tmp.resolve("a/escape.txt")));
        assertFalse(Files.exists(tmp.resolve("a/b/up.txt")));
    }

    @Test
    void aPartFileThatIsASymbolicLinkIsNotWrittenThrough() throws Exception {
        HubClient hub = client(null);
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        Path dir = Files.createDirectories(tmp.resolve("l"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me");
        Files.createSymbolicLink(dir.resolve("model.gguf.part"), victim);
        IOException e = assertThrows(IOException.class, () -> hub.download("acme/tiny", gguf, dir, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void aPartFileThatAnotherDownloadHoldsIsLeftAlone() throws Exception {
        HubClient hub = client(null);
        HubClient.RemoteFile gguf = hub.list("acme/tiny").get(1);
        Path dir = Files.createDirectories(tmp.resolve("k"));
        Path part = Files.write(dir.resolve("model.gguf.part"), java.util.Arrays.copyOf(blob, 1000));
        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = other.lock()) {
            IOException e = assertThrows(IOException.class, () -> hub.download("acme/tiny", gguf, dir, DownloadListener.NONE));
            assertTrue(e.getMessage().contains("another download is writing"), e.getMessage());
            assertEquals(1000, Files.size(part), "the other download's bytes are untouched");
        }
        assertArrayEquals(blob, Files.readAllBytes(hub.download("acme/tiny", gguf, dir, DownloadListener.NONE)));
    }
}
