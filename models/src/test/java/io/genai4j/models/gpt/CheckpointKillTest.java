package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.io.CheckpointManifest;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.models.KilledChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during checkpoint writes. A child JVM trains a tiny GPT and checkpoints at almost every
 * iteration; the write-stage hook (engine.util.WriteStages) stops it at stage k of its writes — temp
 * file created, content written, forced, renamed, manifest written, committed, each file moved into
 * place, ready folder removed — and the test kills it there with SIGKILL. For every k in 1..KILLS
 * (one checkpoint save with its loss plot is about 24 stages, so every stage of a save is hit) the
 * folder must afterwards load, be one iteration throughout (manifest, config.json, optimizer), never
 * go back in time, and the next child resumes from it. Temp files a killed child left behind must be
 * gone once the next child has started a save. A few kills at random moments follow.
 */
class CheckpointKillTest {
    private static final int KILLS = 24, TIMED_KILLS = 3;

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
            KilledChild c = KilledChild.start(GptKillChild.class, work, k, dir.toString(), "100000");
            String stage = c.awaitPause();
            Set<String> now = KilledChild.hidden(dir);
            for (String old : previousLeftovers) {
                assertFalse(now.contains(old), "stage " + stage + ": " + old + " left by the killed child is still there");
            }
            c.kill();
            stages.add(stage.replaceAll("\\.\\d+-[0-9a-f]+\\.tmp|\\.[0-9a-f]+\\.ready", ".*"));
            previousLeftovers = KilledChild.hidden(dir);
            if (previousLeftovers.stream().anyMatch(n -> n.endsWith(".tmp"))) withLeftovers++;
            long iter = checkConsistent(dir);
            assertTrue(iter >= last, "went back from iteration " + last + " to " + iter + " after a kill at " + stage);
            if (iter > last) advanced++;
            last = iter;
        }
        // Then a few kills at random moments (mid-content, mid-cleanup: places no stage names).
        java.util.Random rnd = new java.util.Random(13);
        for (int k = 0; k < TIMED_KILLS; k++) {
            KilledChild c = KilledChild.start(GptKillChild.class, work, 0, dir.toString(), "100000");
            Thread.sleep(1200 + rnd.nextInt(1500));
            c.kill();
            long iter = checkConsistent(dir);
            assertTrue(iter >= last, "went back from iteration " + last + " to " + iter + " after a timed kill");
            last = iter;
        }
        try (CheckpointDir next = CheckpointDir.begin(dir)) {
            assertNotNull(next.staging());   // a write from another process cleans what the dead children left
        }
        assertEquals(Set.of(), KilledChild.hidden(dir), "temp files of killed writes after the next write");
        assertTrue(last > 0, "checkpoints were saved");
        assertTrue(advanced >= 2, "kills after the commit point roll forward to the new iteration: " + advanced);
        assertTrue(withLeftovers >= 5, "kills before the commit point leave temp files to clean: " + withLeftovers);
        assertTrue(stages.size() >= 15, "distinct write stages hit: " + stages);
    }
}
