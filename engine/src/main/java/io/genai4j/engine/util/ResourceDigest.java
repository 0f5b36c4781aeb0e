package io.genai4j.engine.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The SHA-256 of a class path resource, remembered beside its copy in the cache. Inflating a 90 MB
 * model out of its jar takes a second or more, hashing the copy a tenth of that, so the jar's digest
 * is computed once per jar (its path, size, modification time and the entry's size and CRC name
 * it) and written to a hidden file next to the copy; a changed jar computes it again.
 */
final class ResourceDigest {
    private ResourceDigest() {}

    /** The resource's SHA-256, from the memo beside copy when it names this very jar entry. */
    static String of(URL url, Path copy) throws IOException {
        String key = identity(url);
        Path memo = memo(copy);
        if (key != null && Files.isRegularFile(memo, LinkOption.NOFOLLOW_LINKS)) {
            String[] lines = Files.readString(memo, StandardCharsets.UTF_8).split("\n");
            if (lines.length >= 2 && lines[0].equals(key) && lines[1].matches("[0-9a-f]{64}")) return lines[1];
        }
        String sha;
        try (InputStream in = url.openStream()) {
            sha = Digests.sha256(in);
        }
        if (key != null) AtomicFiles.writeString(memo, key + "\n" + sha + "\n");
        return sha;
    }

    /** Records sha as the digest of url's bytes (read while copying them), replacing a wrong memo. */
    static void remember(URL url, Path copy, String sha) throws IOException {
        String key = identity(url);
        if (key != null) AtomicFiles.writeString(memo(copy), key + "\n" + sha + "\n");
    }

    /** The hidden file that remembers the digest of copy's resource. */
    static Path memo(Path copy) {
        return copy.resolveSibling("." + copy.getFileName() + ".sha256");
    }

    /** What names the resource's bytes without reading them, or null when nothing reliable does. */
    private static String identity(URL url) throws IOException {
        try {
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection j) {
                j.setUseCaches(false);   // our own JarFile, closed here
                Path jar = Path.of(j.getJarFileURL().toURI());
                try (JarFile f = j.getJarFile()) {
                    JarEntry e = f.getJarEntry(j.getEntryName());
                    if (e == null || e.getCrc() < 0) return null;
                    return stamp(jar) + "|" + e.getName() + "|" + e.getSize() + "|" + Long.toHexString(e.getCrc());
                }
            }
            if (url.getProtocol().equals("file")) return stamp(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String stamp(Path file) throws IOException {
        return file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }
}
