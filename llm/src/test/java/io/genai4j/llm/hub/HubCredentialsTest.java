package io.genai4j.llm.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials stay with the hub: a warning before a token crosses plain http, no Authorization on a
 * redirect to another host (a CDN), and no password from $HF_ENDPOINT in any message.
 */
class HubCredentialsTest {
    @TempDir
    Path tmp;
    HttpServer hub, cdn;
    final byte[] blob = "weights".getBytes(StandardCharsets.UTF_8);
    /** The Authorization header each server saw last, by path ("none" when absent). */
    final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", ex -> {
            record(ex);
            send(ex, 200, blob);
        });
        cdn.start();
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", ex -> {
            record(ex);
            String path = ex.getRequestURI().getPath();
            if (path.equals("/api/models/acme/tiny/revision/main")) {
                send(ex, 200, ("{\"siblings\":[{\"rfilename\":\"model.gguf\",\"size\":" + blob.length + "}]}").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/acme/tiny/resolve/main/model.gguf")) {
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + cdn.getAddress().getPort() + "/blobs/abc?signed=1");
                send(ex, 302, new byte[0]);
            } else {
                send(ex, 404, "{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop(0);
        cdn.stop(0);
    }

    private void record(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        seen.put(ex.getRequestURI().getPath(), auth == null ? "none" : auth);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    @Test
    void aTokenOverPlainHttpIsWarnedAbout() {
        List<String> w = new HubClient(url(), "hf_secret").warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("$HF_TOKEN") && w.get(0).contains("clear text"), w.get(0));
        assertFalse(w.get(0).contains("hf_secret"));
        assertEquals(List.of(), new HubClient(url(), null).warnings());
        assertEquals(List.of(), new HubClient("https://huggingface.co", "hf_secret").warnings());
        assertTrue(new HubClient("http://bob:pw@127.0.0.1:9", null).warnings().get(0).contains("password"));
    }

    @Test
    void theTokenGoesToTheHubButNotToTheHostARedirectPointsAt() throws Exception {
        HubClient client = new HubClient(url(), "hf_secret");
        HubClient.RemoteFile f = client.list("acme/tiny").get(0);
        Path got = client.download("acme/tiny", f, tmp.resolve("acme/tiny"), DownloadListener.NONE);
        assertArrayEquals(blob, Files.readAllBytes(got));
        assertEquals("Bearer hf_secret", seen.get("/api/models/acme/tiny/revision/main"));
        assertEquals("Bearer hf_secret", seen.get("/acme/tiny/resolve/main/model.gguf"));
        assertEquals("none", seen.get("/blobs/abc"));
    }

    @Test
    void aPasswordInTheEndpointIsSentAsBasicAuthAndNeverShown() throws Exception {
        String endpoint = "http://alice:s3cret@127.0.0.1:" + hub.getAddress().getPort() + "/";
        HubClient client = new HubClient(endpoint, null);
        IOException missing = assertThrows(IOException.class, () -> client.list("acme/missing"));
        assertTrue(missing.getMessage().contains("alice:***@127.0.0.1"), missing.getMessage());
        assertFalse(missing.getMessage().contains("s3cret"), missing.getMessage());
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, seen.get("/api/models/acme/missing/revision/main"));

        int port = hub.getAddress().getPort();
        hub.stop(0);
        IOException down = assertThrows(IOException.class, () -> new HubClient("http://alice:s3cret@127.0.0.1:" + port, null).list("acme/tiny"));
        assertFalse(down.getMessage().contains("s3cret"), down.getMessage());
        assertTrue(down.getMessage().contains("127.0.0.1"), down.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new HubClient("ftp://alice:s3cret@host/", null));
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
    }

    @Test
    void userInfoIsRedactedEvenInTextThatIsNoURL() {
        assertEquals("https://alice:***@mirror/x", HubEndpoint.redactUserInfo("https://alice:pw@mirror/x"));
        assertEquals("https://***@mirror", HubEndpoint.redactUserInfo("https://tok3n@mirror"));
        assertEquals("https://mirror/a@b", HubEndpoint.redactUserInfo("https://mirror/a@b"));
        assertNull(new HubEndpoint("https://mirror", null).scrub(null));
        assertEquals("token *** leaked", new HubEndpoint("https://mirror", "hf_x").scrub("token hf_x leaked"));
    }
}
