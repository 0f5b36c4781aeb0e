package io.genai4j.llm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where models live: a path given by the user, or a name in the cache ({@code OWNER/REPO},
 * optionally {@code OWNER/REPO/FILE.gguf}) in genai4j's cache folder (~/.cache/genai4j, or $GENAI4J_CACHE), where
 * {@code genai pull} puts them.
 */
public final class ModelStore {
    private ModelStore() {}

    public static Path cacheDir() {
        return io.genai4j.engine.io.Cache.root();
    }

    /** A model file or directory for MODEL: an existing path, else a cached OWNER/REPO[/FILE]. */
    public static Path resolve(String model) throws IOException {
        Path p = Path.of(model);
        if (Files.exists(p)) return p;
        if (p.isAbsolute() || model.startsWith(".") || model.endsWith(".gguf") && !model.matches("[^/]+/[^/]+/[^/]+\\.gguf")) {
            throw new NoSuchFileException("no model at " + model);
        }
        Path cached = cacheDir().resolve(model).normalize();
        if (!cached.startsWith(cacheDir().normalize())) throw new IllegalArgumentException("bad model name '" + model + "'");
        if (Files.isRegularFile(cached)) return cached;
        if (Files.isDirectory(cached)) {
            if (Files.isRegularFile(cached.resolve("config.json"))) return cached;
            List<Path> ggufs;
            try (Stream<Path> s = Files.list(cached)) {
                ggufs = s.filter(f -> f.getFileName().toString().endsWith(".gguf")).sorted().toList();
            }
            if (ggufs.size() == 1) return ggufs.get(0);
            if (ggufs.size() > 1) {
                throw new IllegalArgumentException(model + " holds several GGUF files; name one: " + ggufs.stream().map(f -> model + "/" + f.getFileName()).toList());
            }
        }
        throw new NoSuchFileException("no model '" + model + "': not a file or directory, and not in the cache " + cacheDir()
                + " (download it with `genai pull " + model + "`)");
    }
}
