package io.genai4j.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * genai4j's cache folder: downloaded models, files copied out of jars (so they can be memory-mapped),
 * cached features, native libraries. It is $GENAI4J_CACHE (or -Dgenai.cache) when set, else
 * $XDG_CACHE_HOME/genai4j, else ~/.cache/genai4j.
 */
public final class Cache {
    private Cache() {}

    public static Path root() {
        String c = System.getProperty("genai.cache", System.getenv("GENAI4J_CACHE"));
        if (c != null && !c.isBlank()) return Path.of(c);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("genai4j");
    }

    /** A sub-folder of the cache (not created). */
    public static Path dir(String name) {
        return root().resolve(name);
    }

    /**
     * A class path resource as a file under dir (copied once, streaming, by an atomic rename; copied
     * again if its size differs). hint says where the resource should come from, for the error.
     */
    public static Path extract(String resource, Path dir, String hint) throws IOException {
        URL url = Cache.class.getClassLoader().getResource(resource);
        if (url == null) throw new IOException("file " + resource + " is not on the class path (it ships in " + hint + ")");
        long size = url.openConnection().getContentLengthLong();
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) return target;
        return AtomicFiles.replace(target, tmp -> {
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }
}
