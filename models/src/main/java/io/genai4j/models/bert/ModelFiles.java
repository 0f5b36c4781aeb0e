package io.genai4j.models.bert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Model files shipped inside jars on the class path (the LangChain4j embedding artifacts), copied
 * once to a cache folder so they can be memory-mapped: ~/.cache/genai4j/models, or
 * $GENAI_CACHE/models, or -Dgenai.cache. The copy streams (the 90 MB file never sits on the heap)
 * and lands by an atomic rename, so concurrent first runs and interrupted copies are safe.
 */
public final class ModelFiles {
    private ModelFiles() {}

    public static Path cacheDir() {
        String c = System.getProperty("genai.cache", System.getenv("GENAI_CACHE"));
        Path base = c != null && !c.isBlank() ? Path.of(c) : Path.of(System.getProperty("user.home"), ".cache", "genai4j");
        return base.resolve("models");
    }

    /** The class path resource as a file in the cache (copied if absent or of another size). */
    public static Path extract(String resource, String artifactHint) throws IOException {
        var url = ModelFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("model file " + resource + " is not on the class path (it ships in the Maven artifact " + artifactHint + ")");
        }
        long size = url.openConnection().getContentLengthLong();
        Path dir = cacheDir();
        Path target = dir.resolve(resource);
        if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) return target;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, resource, ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
