package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `genai models list|rm` on a temporary cache. */
class ModelsCliTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void cache() throws Exception {
        root = Files.createDirectories(tmp.resolve("cache"));
        System.setProperty("genai.cache", root.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("genai.cache");
    }

    @Test
    void listShowsNameSizeAndFolderThenRmRemovesIt() throws Exception {
        Path repo = Files.createDirectories(root.resolve("hub/acme/tiny"));
        Files.write(repo.resolve("tiny-Q4_0.gguf"), new byte[1_500_000]);
        Files.createDirectories(root.resolve("hub/evil/x\u001b[2Jy"));   // a folder name with an ESC sequence

        CliRun list = CliRun.of("models", "list", "--json");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("acme/tiny") && list.out().contains("1.5 MB") && list.out().contains(repo.toString()), list.out());
        assertEquals(1, list.json().get("models").size(), "names the hub could not have given are not listed");
        assertEquals(1_500_000, list.json().get("models").get(0).get("bytes").asLong());

        CliRun rm = CliRun.of("models", "rm", "acme/tiny");
        assertEquals(0, rm.code(), rm.err());
        assertTrue(rm.out().contains("removed acme/tiny (1.5 MB"), rm.out());
        assertFalse(Files.exists(repo));
        CliRun empty = CliRun.of("models", "ls");
        assertTrue(empty.out().contains("no models in"), empty.out());
    }

    @Test
    void rmRefusesPathsOutsideTheCacheInOneLine() throws Exception {
        Path precious = Files.writeString(tmp.resolve("precious.txt"), "x");
        CliRun r = CliRun.of("models", "rm", precious.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("genai: ") && r.err().contains("is not a cached model name"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(Files.exists(precious));
        CliRun missing = CliRun.of("models", "rm", "acme/none");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no cached model 'acme/none'"), missing.err());
    }
}
