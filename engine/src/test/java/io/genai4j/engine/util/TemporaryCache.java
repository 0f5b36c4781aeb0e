package io.genai4j.engine.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points genai4j's {@link Cache} (the {@code genai.cache} property) at a fresh empty folder for each
 * test, and afterwards clears the property and deletes the folder (links in it are removed, never
 * followed). Register it with {@code @RegisterExtension final TemporaryCache cache = new TemporaryCache();}.
 */
public final class TemporaryCache implements BeforeEachCallback, AfterEachCallback {
    private Path root;

    /** The cache folder of the running test. */
    public Path root() {
        return root;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("genai-cache");
        System.setProperty("genai.cache", root.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.clearProperty("genai.cache");
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) Files.deleteIfExists(p);
    }
}
