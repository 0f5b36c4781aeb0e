package io.genai4j.bench.fleet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code genai serve} process on loopback, started with this JVM's java and class path: ready
 * when its /health says 200; its peak RSS read from /proc; killed hard (SIGKILL) to play a crashed
 * replica, or stopped with SIGTERM to drain.
 */
public final class Replica implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private Replica(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Replica start(String model, String name, int parallel, int threads, Path logDir) throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx2g",
                "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), "io.genai4j.cli.Main", "serve", model, "--port", Integer.toString(port),
                "--parallel", Integer.toString(parallel), "--name", name, "--threads", Integer.toString(threads)));
        Path log = logDir.resolve("replica-" + port + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Replica(p, port, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until /health answers 200; the replica's log in the error when it dies or takes too long. */
    public void awaitReady(long timeoutMillis) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) throw new IllegalStateException("replica on port " + port + " exited: " + Files.readString(log).strip());
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("replica on port " + port + " not ready after " + timeoutMillis + " ms: " + Files.readString(log).strip());
    }

    /** Chat completions this replica answered with 200, from its /metrics. */
    public long answered() throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("genai_requests_total{endpoint=\"/v1/chat/completions\",status=\"200\"}")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Peak resident memory of the process (VmHWM), or -1 when unknown. */
    public long peakRssBytes() {
        return status("VmHWM:");
    }

    /** Resident memory of the process now (VmRSS), or -1 when unknown. */
    public long rssBytes() {
        return status("VmRSS:");
    }

    /** A kB field of the process's /proc status in bytes, or -1 when unknown (not Linux, or the process is gone). */
    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the replica dies mid-answer, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();   // SIGTERM: drains
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) kill();
    }
}
