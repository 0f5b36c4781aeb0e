package io.genai4j.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import io.genai4j.models.llama.Arch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code genai studio}: the page without a model, and with one (as genai serve, its options passed on). */
class StudioCliTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private HttpResponse<String> get(int port, String path, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) r.header("Authorization", "Bearer " + key);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int awaitPort(IntSupplier port, CompletableFuture<Integer> exit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (port.getAsInt() <= 0) {
            assertTrue(System.nanoTime() - t0 < 60e9, "never listened");
            assertTrue(!exit.isDone(), "exited early: " + exit.getNow(null));
            Thread.sleep(20);
        }
        return port.getAsInt();
    }

    @Test
    void withoutAModelTheStudioServesItsPage() throws Exception {
        StudioCommand cmd = new StudioCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute("--port", "0"));
        int port = awaitPort(() -> cmd.boundPort, exit);
        HttpResponse<String> page = get(port, "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("genai4j studio"));
        assertEquals("{\"chat_model\":null}", get(port, "/studio/api/status", null).body());
        cmd.stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void withAModelItIsServeWithTheStudio() throws Exception {
        Path gguf = TestData.tinyConvertedGguf(tmp, Arch.LLAMA, 3);
        StudioCommand cmd = new StudioCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> new CommandLine(cmd).execute(gguf.toString(), "--port", "0", "--api-key", "k", "--name", "tiny", "--threads", "1"));
        int port = awaitPort(() -> cmd.serving == null ? -1 : cmd.serving.boundPort, exit);
        long t0 = System.nanoTime();
        while (get(port, "/health", null).statusCode() != 200) {
            assertTrue(System.nanoTime() - t0 < 60e9, "never became ready");
            Thread.sleep(20);
        }
        assertEquals(200, get(port, "/", null).statusCode());
        assertEquals(401, get(port, "/studio/api/status", null).statusCode());
        assertEquals("{\"chat_model\":\"tiny\"}", get(port, "/studio/api/status", "k").body());
        cmd.serving.stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void serveOptionsWithoutAModelAreOneLineAndExit2() {
        CliRun r = CliRun.of("studio", "--port", "0", "--parallel=2");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--parallel") && r.err().contains("need a MODEL"), r.err());
    }
}
