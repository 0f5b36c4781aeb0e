package io.genai4j.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import io.genai4j.engine.Rng;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.LoraConfig;
import io.genai4j.llm.lora.LoraTargets;
import io.genai4j.llm.lora.LoraWeights;
import io.genai4j.llm.lora.PeftAdapter;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code genai serve MODEL --lora NAME=DIR ...}: one base, two adapters, each a model id of its own;
 * concurrent requests for the base and both adapters (decoded in one batch) each answer exactly what
 * {@code genai run} answers with that adapter (or none), and an unknown adapter is a 404 naming it.
 */
class ServeLoraCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    /** A random adapter on every linear layer (B not zero, so it changes the logits), written as PEFT. */
    static Path adapter(Path gguf, Path dir, long seed) throws Exception {
        try (LoadedModel m = ModelLoader.load(gguf)) {
            LoraConfig config = new LoraConfig(4, 8, 0f, false, LoraTargets.parse("all-linear"), "");
            LoraAdapter a = LoraAdapter.wrap((Module) m.model(), config, new Rng(seed));
            Rng rng = new Rng(seed + 100);
            for (LoraLinear l : a.layers().values()) Init.uniform(l.loraB.weight, -0.3, 0.3, rng);
            PeftAdapter.write(dir, LoraWeights.of(a, m.config()));
        }
        return dir;
    }

    @Test
    void eachRequestPicksItsAdapterAndAnswersAsRunWithIt() throws Exception {
        Path gguf = TestData.tinyConvertedGguf(tmp, Arch.LLAMA, 4);
        Path a = adapter(gguf, tmp.resolve("a"), 1), b = adapter(gguf, tmp.resolve("b"), 2);
        String[] run = {"run", gguf.toString(), "--prompt", "the cat", "--max-tokens", "10", "--temperature", "0", "--json"};
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("tiny", CliRun.of(run).json().get("text").asText());
        for (var e : Map.of("a", a, "b", b).entrySet()) {
            CliRun r = CliRun.of(concat(run, "--lora", e.getValue().toString()));
            assertEquals(0, r.code(), r.err());
            expected.put(e.getKey(), r.json().get("text").asText());
        }
        assertNotEquals(expected.get("a"), expected.get("b"), "two adapters give different greedy tokens");
        assertNotEquals(expected.get("tiny"), expected.get("a"));

        ServeCommand cmd = new ServeCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(cmd).execute(gguf.toString(), "--port", "0", "--parallel", "3",
                "--name", "tiny", "--threads", "1", "--lora", "a=" + a, "--lora", "b=" + b + ":1"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();   // six connections at once, no h2c upgrade
        String base = ServeCliTest.awaitReady(cmd, exit, http);
        JsonNode models = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/models")).build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> ids = new ArrayList<>();
        models.get("data").forEach(m -> ids.add(m.get("id").asText()));
        assertEquals(List.of("tiny", "a", "b"), ids);
        assertEquals("tiny", models.get("data").get(1).get("parent").asText());

        // Each model twice, all six at once: the sessions of the base and both adapters decode together.
        List<String> order = List.of("a", "tiny", "b", "b", "a", "tiny");
        ExecutorService clients = Executors.newFixedThreadPool(order.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String model : order) answers.add(clients.submit(() -> http.send(completion(base, model), HttpResponse.BodyHandlers.ofString())));
        clients.shutdown();
        for (int i = 0; i < order.size(); i++) {
            HttpResponse<String> r = answers.get(i).get(60, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode j = JSON.readTree(r.body());
            assertEquals(order.get(i), j.get("model").asText());
            assertEquals(expected.get(order.get(i)), j.get("choices").get(0).get("text").asText(), "model " + order.get(i) + " answers as run --lora does");
        }

        HttpResponse<String> missing = http.send(completion(base, "c"), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(JSON.readTree(missing.body()).get("error").get("message").asText().contains("\"c\""), missing.body());
        cmd.stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aBadLoraOptionIsOneLineAndExit2() throws Exception {
        Path gguf = TestData.tinyConvertedGguf(tmp, Arch.LLAMA, 4);
        CliRun noName = CliRun.of("serve", gguf.toString(), "--port", "0", "--lora", tmp.resolve("a").toString());
        assertEquals(2, noName.code(), noName.err());
        assertTrue(noName.err().contains("NAME=ADAPTER"), noName.err());
        CliRun missing = CliRun.of("serve", gguf.toString(), "--port", "0", "--lora", "x=" + tmp.resolve("none"));
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("none"), missing.err());
    }

    private static HttpRequest completion(String base, String model) {
        String body = "{\"model\":\"" + model + "\",\"prompt\":\"the cat\",\"max_tokens\":10,\"temperature\":0}";
        return HttpRequest.newBuilder(URI.create(base + "/v1/completions")).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
