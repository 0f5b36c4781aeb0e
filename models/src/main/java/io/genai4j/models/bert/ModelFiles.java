package io.genai4j.models.bert;

import io.genai4j.engine.util.Cache;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Model files shipped inside jars on the class path (the LangChain4j embedding artifacts), copied
 * once to the cache folder ({@link Cache}) so they can be memory-mapped. The copy streams (the 90 MB file never sits on the heap)
 * and lands by an atomic rename, so concurrent first runs and interrupted copies are safe. Each use
 * checks the copy against the jar by SHA-256, so a damaged or planted file of the same size is replaced.
 */
public final class ModelFiles {
    private ModelFiles() {}

    public static Path cacheDir() {
        return Cache.dir("models");
    }

    /** The class path resource as a file in the cache (copied if absent or different by SHA-256). */
    public static Path extract(String resource, String artifactHint) throws IOException {
        return Cache.extract(resource, cacheDir(), "the Maven artifact " + artifactHint);
    }
}
