package io.genai4j.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.CheckpointDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTempsTest {

    /** The id of a process that has exited (ids are reused only after the counter wraps around). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theNextWriteRemovesTempFilesAndFoldersOfDeadWritersOnly(@TempDir Path dir) throws Exception {
        long dead = deadPid();
        Path killedFile = Files.write(dir.resolve(".model.safetensors." + dead + "-1f2e3d.tmp"), new byte[4096]);
        Path killedFolder = Files.createDirectory(dir.resolve(".checkpoint." + dead + "-abc.tmp"));
        Files.writeString(killedFolder.resolve("model.safetensors"), "partial");
        Path ours = Files.writeString(dir.resolve(StaleTemps.name("config.json", 0xbeefL)), "a write in flight here");
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path alive = Files.writeString(dir.resolve(".config.json." + parent + "-77.tmp"), "a write in flight elsewhere");
        Path oldStyleFresh = Files.writeString(dir.resolve(".vectors.txt.9a8b7c6d.tmp"), "maybe in flight");
        Path oldStyleOld = Files.writeString(dir.resolve(".vectors.txt.1234abcd.tmp"), "left long ago");
        Files.setLastModifiedTime(oldStyleOld, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path userFile = Files.writeString(dir.resolve(".notes.tmp"), "not ours");

        AtomicFiles.writeString(dir.resolve("vectors.txt"), "1 1\na 0.5\n");

        assertFalse(Files.exists(killedFile));
        assertFalse(Files.exists(killedFolder));
        assertFalse(Files.exists(oldStyleOld));
        for (Path kept : new Path[] {ours, alive, oldStyleFresh, userFile}) assertTrue(Files.exists(kept), kept.toString());
        assertEquals("1 1\na 0.5\n", Files.readString(dir.resolve("vectors.txt")));
    }

    @Test
    void aCheckpointSaveCleansTheFolderToo(@TempDir Path dir) throws Exception {
        Path killed = Files.write(dir.resolve(".optimizer.safetensors." + deadPid() + "-9.tmp"), new byte[100]);
        try (CheckpointDir c = CheckpointDir.begin(dir)) {
            Files.writeString(c.file("a.txt"), "a");
            c.commit(1);
        }
        assertFalse(Files.exists(killed));
    }
}
