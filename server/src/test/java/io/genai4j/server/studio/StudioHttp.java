package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.server.Json;
import io.genai4j.server.OpenAiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The studio's JSON routes asked over plain HTTP: what the page must show. */
final class StudioHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StudioHttp() {}

    /** GETs the server-sent events of /studio/api/{@code path} until the stream ends (a finished job's whole list). */
    static java.util.List<JsonNode> events(OpenAiServer server, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/studio/api/" + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new AssertionError("/studio/api/" + path + " answered " + r.statusCode() + ": " + r.body());
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            for (String line : r.body().split("\n")) {
                if (line.startsWith("data: {")) out.add(Json.parse(line.substring("data: ".length()).getBytes(StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code body} to /studio/api/{@code path} and returns the JSON answer. */
    static JsonNode post(OpenAiServer server, String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/studio/api/" + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new AssertionError("/studio/api/" + path + " answered " + r.statusCode() + ": " + r.body());
            return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
