package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.util.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirTest {

    private static void save(Path dir, long iteration, String weights, String config) throws Exception {
        try (CheckpointDir c = CheckpointDir.begin(dir)) {
            AtomicFiles.writeString(c.file("weights.bin"), weights);
            Files.writeString(c.file("config.json"), config);
            c.commit(iteration);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommittedCheckpointReplacesThePreviousOneAndLeavesNothingElse(@TempDir Path dir) throws Exception {
        save(dir, 50, "w50", "{\"iter\": 50}");
        save(dir, 100, "w100", "{\"iter\": 100}");
        assertEquals(List.of(CheckpointDir.MANIFEST, "config.json", "weights.bin"), names(dir));
        assertEquals("w100", Files.readString(dir.resolve("weights.bin")));
        CheckpointManifest m = CheckpointDir.verify(dir);
        assertEquals(100, m.iteration());
        assertTrue(m.contains("weights.bin") && m.contains("config.json"));
        assertEquals(4, m.files().get("weights.bin").bytes());
    }

    @Test
    void aMixedSetIsRefusedNamingTheFileThatDoesNotBelong(@TempDir Path dir) throws Exception {
        save(dir, 50, "w50", "{\"iter\": 50}");
        byte[] old = Files.readAllBytes(dir.resolve("config.json"));
        save(dir, 100, "w100", "{\"iter\": 100}");
        Files.write(dir.resolve("config.json"), old);   // what an interrupted three-file save used to leave
        var e = assertThrows(IllegalArgumentException.class, () -> CheckpointDir.verify(dir));
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("iteration 100")
                && e.getMessage().contains("mixes files of different saves"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"iter\": 100}");
        assertEquals(100, CheckpointDir.verify(dir).iteration());
        Files.delete(dir.resolve("weights.bin"));
        e = assertThrows(IllegalArgumentException.class, () -> CheckpointDir.verify(dir));
        assertTrue(e.getMessage().contains("weights.bin is missing"), e.getMessage());
    }

    @Test
    void aFolderWithoutManifestIsTheOldLayoutAndLoadsAsItIs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{}");
        assertNull(CheckpointDir.verify(dir));
    }

    @Test
    void anUncommittedCheckpointLeavesThePreviousOneUntouched(@TempDir Path dir) throws Exception {
        save(dir, 50, "w50", "{\"iter\": 50}");
        try (CheckpointDir c = CheckpointDir.begin(dir)) {
            Files.writeString(c.file("weights.bin"), "half of w100");
            // no commit: an exception in the trainer, say
        }
        assertEquals(List.of(CheckpointDir.MANIFEST, "config.json", "weights.bin"), names(dir));
        assertEquals(50, CheckpointDir.verify(dir).iteration());
    }

    @Test
    void aCorruptManifestIsAUserErrorNamingTheField(@TempDir Path dir) throws Exception {
        save(dir, 50, "w50", "{}");
        Path m = dir.resolve(CheckpointDir.MANIFEST);
        String text = Files.readString(m);
        Files.writeString(m, text.replaceFirst("\"iteration\":\\s*50", "\"iteration\": -3"));
        assertFalse(text.equals(Files.readString(m)));
        var e = assertThrows(IllegalArgumentException.class, () -> CheckpointDir.verify(dir));
        assertTrue(e.getMessage().contains("'iteration'") && e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void oneFileCanBeRewrittenAsANewSaveOfTheSameIteration(@TempDir Path dir) throws Exception {
        save(dir, 50, "w50", "{\"iter\": 50}");
        assertTrue(CheckpointDir.holds(dir.resolve("weights.bin")));
        assertFalse(CheckpointDir.holds(dir.resolve("other.bin")));
        CheckpointManifest m = CheckpointDir.replaceFile(dir, "weights.bin", tmp -> Files.writeString(tmp, "w50 as f16"));
        assertEquals(50, m.iteration());
        assertEquals("w50 as f16", Files.readString(dir.resolve("weights.bin")));
        assertEquals("{\"iter\": 50}", Files.readString(dir.resolve("config.json")));
        assertEquals(m, CheckpointDir.verify(dir));
        assertEquals(List.of(CheckpointDir.MANIFEST, "config.json", "weights.bin"), names(dir));
        Files.writeString(dir.resolve("config.json"), "{\"iter\": 99}");   // a mixed set is not re-blessed
        assertThrows(IllegalArgumentException.class, () -> CheckpointDir.replaceFile(dir, "weights.bin", tmp -> Files.writeString(tmp, "x")));
        assertEquals("w50 as f16", Files.readString(dir.resolve("weights.bin")));
    }

    /** A reader that checks the folder while saves commit (and rolls them forward itself) never sees a mix. */
    @Test
    void verifyingWhileAnotherThreadSavesNeverFails(@TempDir Path dir) throws Exception {
        save(dir, 0, "w0", "c0");
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 1; i <= 150; i++) save(dir, i, "w" + i, "c" + i);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        long last = 0;
        while (writer.isAlive()) {
            long it = CheckpointDir.verify(dir).iteration();
            assertTrue(it >= last, it + " after " + last);
            last = it;
        }
        writer.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        assertEquals(150, CheckpointDir.verify(dir).iteration());
        assertEquals(List.of(CheckpointDir.MANIFEST, "config.json", "weights.bin"), names(dir));
    }

    @Test
    void theManifestNameIsReserved(@TempDir Path dir) throws Exception {
        try (CheckpointDir c = CheckpointDir.begin(dir)) {
            assertThrows(IllegalArgumentException.class, () -> c.file(CheckpointDir.MANIFEST));
            assertThrows(IllegalArgumentException.class, () -> c.file("../escape"));
        }
        assertFalse(names(dir).stream().anyMatch(n -> n.endsWith(".tmp")), names(dir).toString());
    }
}
