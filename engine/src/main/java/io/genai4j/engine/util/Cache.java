package io.genai4j.engine.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.Set;

/**
 * genai4j's cache folder: $GENAI4J_CACHE (or -Dgenai.cache) when set, else $XDG_CACHE_HOME/genai4j,
 * else ~/.cache/genai4j. Its layout keeps what users download apart from genai4j's own files, so a
 * repository name can never land on top of a shipped model or a native library:
 * <pre>
 *   hub/OWNER/REPO/...   repositories downloaded with `genai pull`
 *   models/              model files copied out of jars (so they can be memory-mapped)
 *   features/            cached BERT features
 *   native/              native libraries copied out of jars
 * </pre>
 * Files copied out of jars are checked against the jar by SHA-256 each time they are used.
 */
public final class Cache {
    /** The sub-folder for downloaded repositories. */
    public static final String HUB = "hub";
    /** genai4j's own sub-folders (and the hub's): never a downloaded repository's owner. */
    public static final Set<String> OWN_FOLDERS = Set.of(HUB, "models", "features", "native");

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
     * A class path resource as a file under dir. The file is kept only when its SHA-256 equals the
     * resource's (a same-size file that differs, or a symbolic link, is replaced); otherwise the
     * resource is copied, streaming, and lands by an atomic rename. The resource's own digest is
     * computed once per jar (see {@link ResourceDigest}). hint says where the resource should come
     * from, for the error.
     */
    public static Path extract(String resource, Path dir, String hint) throws IOException {
        URL url = Cache.class.getClassLoader().getResource(resource);
        if (url == null) throw new IOException("file " + resource + " is not on the class path (it ships in " + hint + ")");
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        String want = ResourceDigest.of(url, target);
        if (Digests.matches(target, want)) return target;
        AtomicFiles.replace(target, tmp -> {
            String read;
            try (DigestInputStream in = new DigestInputStream(url.openStream(), Digests.of("SHA-256"))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                read = HexFormat.of().formatHex(in.getMessageDigest().digest());
            }
            String wrote = Digests.sha256(tmp);
            if (!wrote.equals(read)) throw new IOException("copying " + resource + " to " + target + " wrote other bytes than the jar holds (SHA-256 " + wrote + ", expected " + read + ")");
            if (!read.equals(want)) ResourceDigest.remember(url, target, read);   // the memo was stale or damaged
        });
        return target;
    }
}
