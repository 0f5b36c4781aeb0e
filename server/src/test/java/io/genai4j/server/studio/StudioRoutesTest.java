package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.server.Json;
import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The studio's routes over plain HTTP: its files, the key, the tools, and nothing else from the jar or disk. */
class StudioRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private OpenAiServer server;

    private String start(ServerSettings settings) {
        server = new OpenAiServer(settings, e -> { throw new AssertionError(e); }).start();
        return "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.shutdown(Duration.ZERO);
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (key != null) r.header("Authorization", "Bearer " + key);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsFilesAreServedWithTheirTypes() throws Exception {
        String base = start(ServerSettings.local(0, 1));
        HttpResponse<String> page = get(base + "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"/studio/studio.js\">"));
        for (String js : new String[] {"studio.js", "api.js", "chat.js"}) {
            HttpResponse<String> r = get(base + "/studio/" + js, null);
            assertEquals(200, r.statusCode(), js);
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"), js);
        }
        assertTrue(get(base + "/studio/studio.css", null).headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        for (String name : StudioAssets.names()) if (!name.equals("index.html")) assertEquals(200, get(base + "/studio/" + name, null).statusCode(), name);
    }

    @Test
    void noPathReachesAnythingButTheListedFiles() throws Exception {
        String base = start(ServerSettings.local(0, 1));
        for (String path : new String[] {"/studio/Studio.class", "/studio/..%2FStudio.class", "/studio/%2e%2e%2f%2e%2e%2fJson.class",
                "/studio/../../../../etc/passwd", "/studio/nothing.js", "/io/genai4j/server/studio/index.html"}) {
            HttpResponse<String> r = get(base + path, null);
            // 404 (no such file), or Jetty's 400 for a path that climbs out of the root
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
            assertTrue(!r.body().contains("root:") && !r.body().contains("CAFEBABE"), path);
        }
    }

    @Test
    void withAKeyThePageIsPublicAndTheDataIsNot() throws Exception {
        String base = start(ServerSettings.local(0, 1).withApiKey("k"));
        assertEquals(200, get(base + "/", null).statusCode());
        assertEquals(200, get(base + "/studio/chat.js", null).statusCode());
        assertEquals("{\"key_required\":true}", get(base + "/studio/api/auth", null).body());
        assertEquals(401, get(base + "/studio/api/status", null).statusCode());
        assertEquals(401, get(base + "/studio/api/tools", null).statusCode());
        assertEquals(401, post(base + "/studio/api/tools/run", "{\"name\":\"calculator\",\"arguments\":\"{\\\"expression\\\":\\\"1+1\\\"}\"}").statusCode());
        assertEquals(200, get(base + "/studio/api/tools", "k").statusCode());
        assertEquals("{\"chat_model\":null}", get(base + "/studio/api/status", "k").body());
    }

    @Test
    void theBuiltInToolsRunAndSayWhatWentWrong() throws Exception {
        String base = start(ServerSettings.local(0, 1));
        JsonNode tools = Json.parse(get(base + "/studio/api/tools", null).body().getBytes(StandardCharsets.UTF_8)).get("tools");
        assertEquals("calculator", tools.get(0).at("/function/name").textValue());
        assertEquals("object", tools.get(0).at("/function/parameters/type").textValue());
        assertEquals("current_time", tools.get(1).at("/function/name").textValue());
        assertEquals("{\"result\":\"14\"}", post(base + "/studio/api/tools/run", "{\"name\":\"calculator\",\"arguments\":\"{\\\"expression\\\":\\\"(3+4)*2\\\"}\"}").body());
        JsonNode bad = Json.parse(post(base + "/studio/api/tools/run", "{\"name\":\"calculator\",\"arguments\":\"{\\\"expression\\\":\\\"2+\\\"}\"}").body().getBytes(StandardCharsets.UTF_8));
        assertTrue(bad.has("error"), bad.toString());
        HttpResponse<String> unknown = post(base + "/studio/api/tools/run", "{\"name\":\"rm\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("no studio tool is named \\\"rm\\\""), unknown.body());
    }
}
