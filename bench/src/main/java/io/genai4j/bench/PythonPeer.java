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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A peer script under {@code bench/peers} run by Python: once as a command ({@link #runOnce}), or as
 * a process that stays up for the whole benchmark ({@link #serve}) so that Java and peer rounds can
 * alternate without paying Python's start-up each time. A serving script prints one JSON line
 * describing itself once warmed up (or {@code {"error": ...}}), then answers each request line on
 * stdin with one JSON line, and exits at end of input.
 *
 * <p>Python is {@code python3} on the PATH, or {@code -Dgenai.python} / {@code GENAI_PYTHON}. The
 * script is looked up under {@code -Dgenai.home} (set by the {@code genai} launcher), then in the
 * working folder and its parents.
 */
final class PythonPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String script;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final JsonNode hello;

    /** Thrown when the peer cannot run here (no Python, a missing module, no script): a message for people. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private PythonPeer(String script, Process process) throws Unavailable {
        this.script = script;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
        JsonNode first;
        try {
            first = readLine();
        } catch (IOException e) {
            close();
            throw new Unavailable(script + " did not start: " + e.getMessage());
        }
        if (first.has("error")) {
            close();
            throw new Unavailable(first.get("error").asText());
        }
        this.hello = first;
    }

    /** Starts script (relative to the repository, e.g. {@code bench/peers/x.py}) with args under {@code python3} (or GENAI_PYTHON) and waits for its first line. */
    static PythonPeer serve(String script, List<String> args) throws Unavailable {
        return serve(script, args, "python3");
    }

    /** As {@link #serve(String, List)} with the interpreter used when GENAI_PYTHON does not name one. */
    static PythonPeer serve(String script, List<String> args, String defaultPython) throws Unavailable {
        return serve(script, args, defaultPython, Map.of());
    }

    /** As {@link #serve(String, List, String)} with environment changes for the script (an empty value removes the variable). */
    static PythonPeer serve(String script, List<String> args, String defaultPython, Map<String, String> env) throws Unavailable {
        return new PythonPeer(script, start(script, args, python(defaultPython), env));
    }

    /** Runs script with args to its end under {@link #python(String)} (its stderr shown); fails unless it exits with 0. */
    static void runOnce(String script, List<String> args, String defaultPython, Map<String, String> env) throws Unavailable, IOException {
        Process p = start(script, args, python(defaultPython), env);
        p.getOutputStream().close();
        String lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            int code = p.waitFor();
            if (code != 0) {
                String error = lines.isEmpty() ? "" : lines.lines().reduce((a, b) -> b).orElse("");
                try {
                    JsonNode j = JSON.readTree(error);
                    if (j.has("error")) throw new Unavailable(j.get("error").asText());
                } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                    // a traceback on stderr says what went wrong
                }
                throw new IOException(script + " exited with code " + code + (error.isEmpty() ? "" : ": " + error));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + script + " ran");
        }
    }

    private static Process start(String script, List<String> args, String python, Map<String, String> env) throws Unavailable {
        Path path = findScript(script);
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.add(path.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        env.forEach((k, v) -> {
            if (v.isEmpty()) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        try {
            return pb.start();
        } catch (IOException e) {
            throw new Unavailable("cannot run " + python + " (" + e.getMessage() + "); install Python 3, or point GENAI_PYTHON at one");
        }
    }

    /**
     * -Dgenai.python or GENAI_PYTHON, else the given default: {@code python3} on the PATH for numpy,
     * {@code /usr/bin/python3} for PyTorch (Debian's python3-torch lives there, outside any virtualenv).
     */
    static String python(String defaultPython) {
        return System.getProperty("genai.python", System.getenv().getOrDefault("GENAI_PYTHON", defaultPython));
    }

    /** The script's first line: what it is and how it runs. */
    JsonNode hello() {
        return hello;
    }

    /** Sends one request line and returns the reply; an {@code {"error": ...}} reply is an IOException. */
    JsonNode request(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        JsonNode r = readLine();
        if (r.has("error")) throw new IOException(script + ": " + r.get("error").asText());
        return r;
    }

    /** Sends {@code run <untimed> <timed>} and returns the timed durations in seconds. */
    double[] run(int untimed, int timed) throws IOException {
        return run("run", untimed, timed);
    }

    /** Sends {@code <verb> <untimed> <timed>} (a script may time more than one thing) and returns the timed durations in seconds. */
    double[] run(String verb, int untimed, int timed) throws IOException {
        JsonNode r = request(verb + " " + untimed + " " + timed);
        JsonNode s = r.get("seconds");
        if (s == null || !s.isArray() || s.size() != timed) throw new IOException(script + ": unexpected reply " + r);
        double[] seconds = new double[timed];
        for (int i = 0; i < timed; i++) seconds[i] = s.get(i).asDouble();
        return seconds;
    }

    private JsonNode readLine() throws IOException {
        String line = out.readLine();
        if (line == null) throw new IOException(script + " exited" + exitNote());
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IOException(script + " printed '" + line + "' instead of JSON");
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

    private static Path findScript(String script) throws Unavailable {
        String home = System.getProperty("genai.home");
        if (home != null) {
            Path p = Path.of(home).resolve(script);
            if (Files.isRegularFile(p)) return p;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(script);
            if (Files.isRegularFile(p)) return p;
        }
        throw new Unavailable("cannot find " + script + " (run through the genai launcher, or from the repository, so the script is found)");
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
