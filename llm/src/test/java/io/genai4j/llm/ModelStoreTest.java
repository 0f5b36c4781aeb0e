package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.util.Cache;
import io.genai4j.engine.util.TemporaryCache;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pulled repositories live in the cache's hub/ subtree, apart from genai4j's own files. */
class ModelStoreTest {
    @RegisterExtension
    final TemporaryCache cache = new TemporaryCache();

    @Test
    void aRepositoryNamedLikeGenai4jsOwnFoldersStaysInTheHubSubtree() throws Exception {
        Path shipped = Files.createDirectories(Cache.dir("models").resolve("gpt-shakespeare-char-1a2b"));
        Files.writeString(shipped.resolve("config.json"), "{\"model_type\":\"genai4j-gpt\"}");
        Path pulled = ModelStore.repoDir("models/gpt-shakespeare-char-1a2b");
        assertEquals(cache.root().resolve("hub/models/gpt-shakespeare-char-1a2b"), pulled);
        assertEquals(cache.root().resolve("hub/native/openblas-0.3.31-1.5.13-linux-x86_64"), ModelStore.repoDir("native/openblas-0.3.31-1.5.13-linux-x86_64"));
        // and a cached name never resolves to genai4j's own files
        assertThrows(NoSuchFileException.class, () -> ModelStore.resolve("models/gpt-shakespeare-char-1a2b"));
        assertTrue(Files.isRegularFile(shipped.resolve("config.json")), "the shipped model is untouched");
    }

    @Test
    void resolvesAPulledGgufByRepositoryOrFileName() throws Exception {
        Path dir = Files.createDirectories(ModelStore.repoDir("acme/tiny"));
        Path gguf = Files.write(dir.resolve("tiny-Q4_0.gguf"), new byte[] {1});
        assertEquals(gguf, ModelStore.resolve("acme/tiny"));
        assertEquals(gguf, ModelStore.resolve("acme/tiny/tiny-Q4_0.gguf"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelStore.resolve("acme/other"));
        assertTrue(e.getMessage().contains("genai pull acme/other"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> ModelStore.resolve("acme/tiny/../../../etc/passwd.gguf"));
    }

    @Test
    void aRepositoryPulledIntoTheOldLayoutMovesIntoTheHubSubtreeWhenUsed() throws Exception {
        Path legacy = Files.createDirectories(cache.root().resolve("acme/old"));
        Files.write(legacy.resolve("old.gguf"), new byte[] {7});
        Path got = ModelStore.resolve("acme/old");
        assertEquals(cache.root().resolve("hub/acme/old/old.gguf"), got);
        assertEquals(7, Files.readAllBytes(got)[0]);
        assertFalse(Files.exists(legacy));
        assertFalse(Files.exists(cache.root().resolve("acme")), "the emptied owner folder goes too");
    }
}
