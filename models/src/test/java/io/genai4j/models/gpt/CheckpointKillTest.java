package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.io.CheckpointManifest;
import io.genai4j.engine.io.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during checkpoint writes. A child JVM trains a tiny GPT and checkpoints at almost every
 * iteration; the write-stage hook (engine.io.WriteStages) stops it at stage k of its writes — temp
 * file created, content written, forced, renamed, manifest written, committed, each file moved into
 * place, ready folder removed — and the test kills it there with SIGKILL. For every k in 1..KILLS
 * (one checkpoint save with its loss plot is about 24 stages, so every stage of a save is hit) the
 * folder must afterwards load, be one iteration throughout (manifest, config.json, optimizer), never
 * go back in time, and the next child resumes from it. Temp files a killed child left behind must be
 * gone once the next child has started a save. A few kills at random moments follow.
 */
class CheckpointKillTest {
    private static final int KILLS = 26, TIMED_KILLS = 4;

    private record Child(Process process, Path marker, Path log) {}

    private static Child start(Path dir, Path work, int pauseAt, int iters) throws Exception {
        Path marker = work.resolve("paused-" + pauseAt), log = work.resolve("child-" + pauseAt + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dgenai.threads=1",
                "-cp", System.getProperty("java.class.path")));
        if (pauseAt > 0) {
            cmd.add("-Dgenai4j.test.pauseAtWrite=" + pauseAt);
            cmd.add("-Dgenai4j.test.pauseMarker=" + marker);
        }
        cmd.addAll(List.of(GptKillChild.class.getName(), dir.toString(), Integer.toString(iters)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Child(p, marker, log);
    }

    /** Waits until the child is paused at its write stage and returns the stage it names. */
    private static String awaitPause(Child c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(c.marker()) && Files.size(c.marker()) > 0) return Files.readString(c.marker(), StandardCharsets.UTF_8).strip();
            if (!c.process().isAlive()) fail("child exited (" + c.process().exitValue() + ") before its pause:\n" + Files.readString(c.log()));
            Thread.sleep(20);
        }
        c.process().destroyForcibly();
        fail("child never reached its pause:\n" + Files.readString(c.log()));
        return null;
    }

    private static Set<String> leftovers(Path dir) throws Exception {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(dir)) return out;
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).forEach(out::add);
        }
        return out;
    }

    /** What remains loads, is one iteration throughout, and resumes; returns that iteration (-1: nothing saved yet). */
    private static long checkConsistent(Path dir) throws Exception {
        CheckpointManifest m = CheckpointDir.verify(dir);   // finishes a save killed after its commit point
        if (m == null) {
            assertFalse(Files.exists(dir.resolve(GptCheckpoint.CONFIG)), "files without a manifest after a kill");
            return -1;
        }
        GptCheckpoint ck = GptCheckpoint.load(dir);
        long iter = ((Number) ck.train().get("iter")).longValue();
        assertEquals(m.iteration(), iter, "manifest and config.json");
        assertEquals(Long.toString(iter), Checkpoints.metadata(dir.resolve(GptTrainer.OPTIMIZER)).get("iter"), "optimizer and config.json");
        new GptTrainer(ck.model(), GptKillChild.data(), GptKillChild.config((int) iter + 1), dir).resumeFrom(dir);
        return iter;
    }

    @Test
    void whatAKilledSaveLeavesAlwaysLoadsAsOneIteration(@TempDir Path work) throws Exception {
        Path dir = work.resolve("out");
        long last = -1;
        int advanced = 0, withLeftovers = 0;
        Set<String> stages = new TreeSet<>();
        Set<String> previousLeftovers = Set.of();
        for (int k = 1; k <= KILLS; k++) {
            Child c = start(dir, work, k, 100_000);
            String stage = awaitPause(c);
            Set<String> now = leftovers(dir);
            for (String old : previousLeftovers) {
                assertFalse(now.contains(old), "stage " + stage + ": " + old + " left by the killed child is still there");
            }
            c.process().destroyForcibly();   // SIGKILL
            assertTrue(c.process().waitFor(30, TimeUnit.SECONDS));
            stages.add(stage.replaceAll("\\.\\d+-[0-9a-f]+\\.tmp|\\.[0-9a-f]+\\.ready", ".*"));
            previousLeftovers = leftovers(dir);
            if (previousLeftovers.stream().anyMatch(n -> n.endsWith(".tmp"))) withLeftovers++;
            long iter = checkConsistent(dir);
            assertTrue(iter >= last, "went back from iteration " + last + " to " + iter + " after a kill at " + stage);
            if (iter > last) advanced++;
            last = iter;
        }
        // Then a few kills at random moments (mid-content, mid-cleanup: places no stage names).
        java.util.Random rnd = new java.util.Random(13);
        for (int k = 0; k < TIMED_KILLS; k++) {
            Child c = start(dir, work, -k, 100_000);
            Thread.sleep(1200 + rnd.nextInt(1500));
            c.process().destroyForcibly();
            assertTrue(c.process().waitFor(30, TimeUnit.SECONDS));
            long iter = checkConsistent(dir);
            assertTrue(iter >= last, "went back from iteration " + last + " to " + iter + " after a timed kill");
            last = iter;
        }
        try (CheckpointDir next = CheckpointDir.begin(dir)) {
            assertNotNull(next.staging());   // a write from another process cleans what the dead children left
        }
        assertEquals(Set.of(), leftovers(dir), "temp files of killed writes after the next write");
        assertTrue(last > 0, "checkpoints were saved");
        assertTrue(advanced >= 2, "kills after the commit point roll forward to the new iteration: " + advanced);
        assertTrue(withLeftovers >= 5, "kills before the commit point leave temp files to clean: " + withLeftovers);
        assertTrue(stages.size() >= 15, "distinct write stages hit: " + stages);
    }
}
