package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A job started from the page does not outlive the server: shutdown stops it. */
class StudioShutdownTest {
    private static List<Thread> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).toList();
    }

    /**
     * The job's threads still alive a moment after the shutdown: a job marks itself ended just before
     * its thread returns, so the thread may outlive the shutdown by a few instructions (a run that
     * never stopped would train for minutes, far beyond this wait).
     */
    private static List<Thread> aliveAfterShutdown(List<Thread> running) throws InterruptedException {
        for (Thread t : running) t.join(5_000);
        return running.stream().filter(Thread::isAlive).toList();
    }

    @Test
    void aTrainingRunStillGoingStopsWithTheServer() throws Exception {
        assertAJobStopsWithTheServer("training", "{\"steps\":5000,\"eval_every\":1000}", "studio-training-run-");
    }

    @Test
    void aVisionRunStillGoingStopsWithTheServer() throws Exception {
        io.genai4j.text.SharedData.require("images/mnist/" + io.genai4j.models.vision.Mnist.IMAGES);
        assertAJobStopsWithTheServer("vision", "{\"model\":\"cnn\",\"cpu_seconds\":600,\"eval_every\":1000}", "studio-vision-run-");
    }

    /** Starts the job {@code name} (minutes long), sees its first step, stops the server and expects the job's thread gone. */
    private static void assertAJobStopsWithTheServer(String name, String body, String threadPrefix) throws Exception {
        List<Throwable> bugs = new CopyOnWriteArrayList<>();
        OpenAiServer server = new OpenAiServer(ServerSettings.local(0, 1), bugs::add).start();
        String base = "http://127.0.0.1:" + server.port() + "/studio/api/" + name;
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/start"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, started.statusCode(), started.body());
        // a first step streamed: the run is training, minutes from its end
        HttpResponse<java.util.stream.Stream<String>> events = http.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (var lines = events.body()) {
            assertTrue(lines.anyMatch(l -> l.contains("\"type\":\"step\"")), "a step event");
        }
        List<Thread> running = threads(threadPrefix);
        assertEquals(1, running.size(), "the run is going");

        server.shutdown(Duration.ZERO);
        assertEquals(List.of(), aliveAfterShutdown(running), "the run ended with the server");
        assertEquals(List.of(), bugs);
    }
}
