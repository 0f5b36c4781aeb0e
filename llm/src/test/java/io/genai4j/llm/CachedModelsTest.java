package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.util.TemporaryCache;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `genai models list|rm` underneath: pulled repositories only, names only, links never followed. */
class CachedModelsTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final TemporaryCache cache = new TemporaryCache();
    Path root;

    @BeforeEach
    void fill() throws Exception {
        root = cache.root();
        Path a = Files.createDirectories(root.resolve("hub/acme/tiny"));
        Files.write(a.resolve("tiny.gguf"), new byte[1000]);
        Files.write(a.resolve("config.json"), new byte[20]);
        Files.write(a.resolve("big.gguf.part"), new byte[300]);
        Path legacy = Files.createDirectories(root.resolve("bob/old"));
        Files.write(legacy.resolve("config.json"), new byte[5]);
        Files.createDirectories(root.resolve("models/gpt-shakespeare-char-1a2b"));           // genai4j's own
        Files.write(root.resolve("models/gpt-shakespeare-char-1a2b/config.json"), new byte[5]);
        Files.createDirectories(root.resolve("native/openblas-x"));
    }

    @Test
    void listsPulledRepositoriesWithSizesAndUnfinishedDownloadsButNotGenai4jsFiles() throws Exception {
        List<CachedModels.Entry> list = CachedModels.list();
        assertEquals(List.of("acme/tiny", "bob/old"), list.stream().map(CachedModels.Entry::name).toList());
        CachedModels.Entry tiny = list.get(0);
        assertEquals(1320, tiny.bytes());
        assertEquals(2, tiny.files());
        assertEquals(1, tiny.partial());
        assertEquals(root.resolve("hub/acme/tiny"), tiny.path());
        assertEquals(root.resolve("bob/old"), list.get(1).path(), "a repository of the old layout is shown where it is");
    }

    @Test
    void removesARepositoryOrOneFileAndTidiesEmptyFolders() throws Exception {
        CachedModels.Removed file = CachedModels.remove("acme/tiny/big.gguf");
        assertEquals(300, file.bytes());
        assertFalse(Files.exists(root.resolve("hub/acme/tiny/big.gguf.part")));
        assertTrue(Files.exists(root.resolve("hub/acme/tiny/tiny.gguf")));
        CachedModels.Removed repo = CachedModels.remove("acme/tiny");
        assertEquals(1020, repo.bytes());
        assertFalse(Files.exists(root.resolve("hub/acme")));
        CachedModels.remove("bob/old");
        assertFalse(Files.exists(root.resolve("bob")));
        assertEquals(List.of(), CachedModels.list());
        assertTrue(Files.exists(root.resolve("models/gpt-shakespeare-char-1a2b/config.json")));
    }

    @Test
    void refusesNamesOutsideTheCacheAndGenai4jsOwnFolders() throws Exception {
        Path outside = Files.writeString(tmp.resolve("precious.txt"), "x");
        for (String bad : List.of(outside.toString(), "../precious.txt", "acme/tiny/../../../../precious.txt", "acme", "acme/..", "acme/tiny/")) {
            assertThrows(IllegalArgumentException.class, () -> CachedModels.remove(bad), bad);
        }
        NoSuchFileException none = assertThrows(NoSuchFileException.class, () -> CachedModels.remove("acme/none"));
        assertTrue(none.getMessage().contains("acme/tiny"), none.getMessage());
        assertThrows(NoSuchFileException.class, () -> CachedModels.remove("models/gpt-shakespeare-char-1a2b"));
        assertTrue(Files.exists(root.resolve("models/gpt-shakespeare-char-1a2b/config.json")));
        assertTrue(Files.exists(outside));
    }

    @Test
    void aLinkedRepositoryFolderIsRemovedAsALinkNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.gguf"), "keep");
        Files.createSymbolicLink(root.resolve("hub/acme/linked"), elsewhere);
        CachedModels.remove("acme/linked");
        assertFalse(Files.exists(root.resolve("hub/acme/linked"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep", Files.readString(elsewhere.resolve("keep.gguf")));
    }
}
