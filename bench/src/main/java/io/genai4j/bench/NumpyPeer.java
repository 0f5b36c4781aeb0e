package io.genai4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * numpy's matmul timed in a Python process that stays up for the whole benchmark, so that Java and
 * numpy rounds can alternate without paying Python's start-up each time. It runs
 * {@code bench/peers/numpy_matmul.py --serve} (see that script for the line protocol).
 *
 * <p>Python is {@code python3} on the PATH, or {@code -Dgenai.python} / {@code GENAI_PYTHON}. The
 * script is looked up under {@code -Dgenai.home} (set by the {@code genai} launcher), then in the
 * working folder and its parents.
 */
final class NumpyPeer implements AutoCloseable {
    static final String SCRIPT = "bench/peers/numpy_matmul.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private String description = "numpy";
    private String core = "unknown";

    /** Thrown when the peer cannot run here (no Python, no numpy, no script): a message for people. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private NumpyPeer(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
    }

    /** Starts the script for an m×k by k×n product on the given threads and waits until it has warmed up. */
    static NumpyPeer start(int m, int n, int k, int threads, int warmup) throws Unavailable {
        Path script = findScript();
        String python = System.getProperty("genai.python", System.getenv().getOrDefault("GENAI_PYTHON", "python3"));
        List<String> cmd = List.of(python, script.toString(), "--serve", "--m", "" + m, "--n", "" + n,
                "--k", "" + k, "--threads", "" + threads, "--warmup", "" + warmup);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new Unavailable("cannot run " + python + " (" + e.getMessage()
                    + "); install Python 3 with numpy, or point GENAI_PYTHON at one");
        }
        NumpyPeer peer = new NumpyPeer(p);
        JsonNode hello;
        try {
            hello = peer.readLine();
        } catch (IOException e) {
            peer.close();
            throw new Unavailable(python + " " + script + " did not start: " + e.getMessage());
        }
        if (hello.has("error")) {
            peer.close();
            throw new Unavailable(hello.get("error").asText());
        }
        peer.description = "numpy " + hello.path("numpy").asText("?") + ", " + hello.path("blas").asText("?")
                + ", core " + hello.path("core").asText("?");
        peer.core = hello.path("core").asText("unknown");
        return peer;
    }

    /** The kernel set numpy's OpenBLAS uses ("SkylakeX"), or "unknown". */
    String core() {
        return core;
    }

    /** "numpy 2.4.6, scipy-openblas 0.3.31, core SkylakeX": what was measured. */
    String description() {
        return description;
    }

    /** Runs untimed products, then timed ones; returns the timed durations in seconds. */
    double[] run(int untimed, int timed) throws IOException {
        in.write("run " + untimed + " " + timed + "\n");
        in.flush();
        JsonNode r = readLine();
        if (r.has("error")) throw new IOException("numpy peer: " + r.get("error").asText());
        JsonNode s = r.get("seconds");
        if (s == null || !s.isArray() || s.size() != timed) throw new IOException("numpy peer: unexpected reply " + r);
        double[] seconds = new double[timed];
        for (int i = 0; i < timed; i++) seconds[i] = s.get(i).asDouble();
        return seconds;
    }

    private JsonNode readLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the numpy script exited" + exitNote());
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IOException("the numpy script printed '" + line + "' instead of JSON");
        }
    }

    private String exitNote() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) return " with code " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private static Path findScript() throws Unavailable {
        String home = System.getProperty("genai.home");
        if (home != null) {
            Path p = Path.of(home).resolve(SCRIPT);
            if (Files.isRegularFile(p)) return p;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(SCRIPT);
            if (Files.isRegularFile(p)) return p;
        }
        throw new Unavailable("cannot find " + SCRIPT + " (run through the genai launcher, or from the"
                + " repository, so the script is found)");
    }

    /** Ends the script: closing its input makes it exit; it is killed if it does not. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
