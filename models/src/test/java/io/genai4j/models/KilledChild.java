package io.genai4j.models;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM (same class path, java.home) running a main class that saves checkpoints, stopped by
 * engine.io's write-stage hook at its k-th write stage so the test can kill -9 it exactly there.
 */
public record KilledChild(Process process, Path marker, Path log) {

    /** Starts mainClass with args; pauseAt 0 runs it without pausing. */
    public static KilledChild start(Class<?> mainClass, Path work, int pauseAt, String... args) throws Exception {
        String id = mainClass.getSimpleName() + "-" + pauseAt + "-" + System.nanoTime();
        Path marker = work.resolve("paused-" + id), log = work.resolve(id + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dgenai.threads=1",
                "-cp", System.getProperty("java.class.path")));
        if (pauseAt > 0) {
            cmd.add("-Dgenai4j.test.pauseAtWrite=" + pauseAt);
            cmd.add("-Dgenai4j.test.pauseMarker=" + marker);
        }
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new KilledChild(p, marker, log);
    }

    /** Waits until the child is paused at its write stage and returns the stage it names. */
    public String awaitPause() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(marker) && Files.size(marker) > 0) return Files.readString(marker, StandardCharsets.UTF_8).strip();
            if (!process.isAlive()) fail("child exited (" + process.exitValue() + ") before its pause:\n" + Files.readString(log));
            Thread.sleep(20);
        }
        process.destroyForcibly();
        fail("child never reached its pause:\n" + Files.readString(log));
        return null;
    }

    /** kill -9 (destroyForcibly sends SIGKILL) and wait for the process to be gone. */
    public void kill() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) fail("child survived SIGKILL");
    }

    /** The hidden entries of a folder: temp files and staging folders of atomic writes. */
    public static Set<String> hidden(Path dir) throws Exception {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(dir)) return out;
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).forEach(out::add);
        }
        return out;
    }
}
