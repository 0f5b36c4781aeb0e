package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.DType;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test servers on loopback: a tiny random Llama in GGUF (real tokenizer, template and engine), or any ChatModel. */
public final class TinyServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static LoadedModel tiny;

    final OpenAiServer server;
    final List<Throwable> bugs = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TinyServer(ServerSettings settings, Backend backend) {
        server = new OpenAiServer(settings, bugs::add).start();
        if (backend != null) server.ready(backend);
    }

    /** The shared tiny model (random weights, ChatML template, a few hundred tokens of vocabulary). */
    public static synchronized LoadedModel tinyModel() {
        if (tiny == null) {
            try {
                Path dir = Files.createTempDirectory("genai-server-test");
                tiny = ModelLoader.load(TinyModels.writeGguf(dir, Arch.LLAMA, 3, DType.F32));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tiny;
    }

    static TinyServer local(int parallel) {
        return new TinyServer(ServerSettings.local(0, parallel), new Backend(new LocalChatModel(tinyModel(), "tiny", parallel), null));
    }

    static TinyServer of(ChatModel model, ServerSettings settings) {
        return new TinyServer(settings, new Backend(model, null));
    }

    static TinyServer withEmbeddings(BertEncoder encoder) {
        return new TinyServer(ServerSettings.local(0, 1), new Backend(new LocalChatModel(tinyModel(), "tiny", 1), encoder));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    record Reply(int status, JsonNode json, String text, HttpResponse<String> raw) {}

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.startsWith("application/json")) json = JSON.readTree(r.body());
            return new Reply(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of an SSE body: each data payload, [DONE] included as text. */
    static List<String> events(String body) {
        List<String> out = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) continue;
            if (!block.startsWith("data: ")) throw new AssertionError("not an SSE data event: " + block);
            out.add(block.substring("data: ".length()));
        }
        return out;
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(5));
        if (!bugs.isEmpty()) throw new AssertionError("the server hit a bug", bugs.getFirst());
    }
}
