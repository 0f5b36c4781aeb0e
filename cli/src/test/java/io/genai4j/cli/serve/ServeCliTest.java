package io.genai4j.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import io.genai4j.models.llama.Arch;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.server.Backend;
import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code genai serve}: listens, loads, answers a chat completion behind its API key, and stops cleanly; a bad model is one line, exit 2. */
class ServeCliTest {
    @TempDir
    Path tmp;

    @Test
    void servesAChatCompletionAndStops() throws Exception {
        Path gguf = TestData.tinyConvertedGguf(tmp, Arch.QWEN2, 5);
        ServeCommand cmd = new ServeCommand();
        CommandLine cl = new CommandLine(cmd);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute(gguf.toString(), "--port", "0", "--parallel", "2", "--name", "tiny", "--api-key", "k1", "--threads", "1", "--ctx", "40"));
        HttpClient http = HttpClient.newHttpClient();
        awaitReady(cmd, exit, http);
        HttpRequest chat = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cmd.boundPort + "/v1/chat/completions"))
                .header("Authorization", "Bearer k1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"tiny\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build();
        HttpResponse<String> r = http.send(chat, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertEquals("tiny", j.get("model").asText());
        assertTrue(j.get("usage").get("completion_tokens").asInt() <= 4);
        // --ctx 40: a prompt longer than a session's context is a 400 naming the messages.
        HttpRequest tooLong = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cmd.boundPort + "/v1/chat/completions"))
                .header("Authorization", "Bearer k1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "the quick brown fox ".repeat(20) + "\"}]}")).build();
        HttpResponse<String> refused = http.send(tooLong, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode err = new ObjectMapper().readTree(refused.body()).get("error");
        assertEquals("messages", err.get("param").asText(), refused.body());
        assertTrue(err.get("message").asText().contains("context of 40 tokens per session"), refused.body());
        cmd.stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    /** Waits until the command's /health says 200; returns the server's base URL. */
    static String awaitReady(ServeCommand cmd, CompletableFuture<Integer> exit, HttpClient http) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            assertTrue(System.nanoTime() - t0 < 60e9, "never became ready");
            assertTrue(!exit.isDone(), "serve exited early");
            Thread.sleep(20);
            if (cmd.boundPort > 0) {
                String base = "http://127.0.0.1:" + cmd.boundPort;
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return base;
            }
        }
    }

    @Test
    void runWithAnEndpointAnswersAsRunChatDoesLocally() throws Exception {
        Path gguf = TestData.tinyConvertedGguf(tmp, Arch.QWEN2, 5);
        CliRun local = CliRun.of("run", gguf.toString(), "--chat", "--prompt", "Hello there", "--temperature", "0", "--max-tokens", "6", "--json");
        assertEquals(0, local.code(), local.err());
        try (LoadedModel m = ModelLoader.load(gguf)) {
            OpenAiServer server = new OpenAiServer(ServerSettings.local(0, 1).withApiKey("k2"), Throwable::printStackTrace).start();
            try {
                server.ready(new Backend(new LocalChatModel(m, "tiny", 1), null));
                String url = "http://127.0.0.1:" + server.port() + "/v1";
                CliRun remote = CliRun.of("run", "tiny", "--endpoint", url, "--api-key", "k2", "--prompt", "Hello there", "--temperature", "0",
                        "--max-tokens", "6", "--json");
                assertEquals(0, remote.code(), remote.err());
                assertEquals(local.json().get("text"), remote.json().get("text"));
                assertEquals(local.json().get("ids").size(), remote.json().get("completion_tokens").asInt());
                CliRun refused = CliRun.of("run", "tiny", "--endpoint", url, "--api-key", "nope", "--prompt", "x");
                assertEquals(2, refused.code());
                assertTrue(refused.err().contains("answered 401"), refused.err());
            } finally {
                server.shutdown(java.time.Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aMissingModelIsOneLineAndExit2() {
        CliRun r = CliRun.of("serve", tmp.resolve("none.gguf").toString(), "--port", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("none.gguf"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
