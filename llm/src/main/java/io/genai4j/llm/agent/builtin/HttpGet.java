package io.genai4j.llm.agent.builtin;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.agent.Param;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.Tools;
import io.genai4j.llm.chat.ToolSpec;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The {@code http_get} tool: fetches a URL (http or https) and returns the status and at most
 * {@code maxBytes} of the body as text. It reaches the network on a model's say, so nothing offers
 * it unless the user names it ({@code --tools http}); it is never among the defaults.
 */
public final class HttpGet {
    private static final String DESCRIPTION = "Fetches a web page and returns its text.";
    public static final String NAME = "http_get";

    private HttpGet() {}

    public record Args(@Param(value = "url", description = "an http or https URL") String url) {}

    public static ToolSpec spec() {
        return Tools.spec(NAME, DESCRIPTION, Args.class);
    }

    public static Tool tool(Duration timeout, int maxBytes) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return Tools.of(NAME, DESCRIPTION, Args.class, a -> {
            URI uri;
            try {
                uri = URI.create(a.url());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + Printable.of(a.url()));
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("only http and https URLs can be fetched, got " + Printable.of(a.url()));
            }
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(maxBytes);
            }
            return "HTTP " + r.statusCode() + "\n" + new String(body, StandardCharsets.UTF_8);
        });
    }
}
