package io.genai4j.engine.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of files and streams, as lower-case hex. Files in the cache are checked by digest, not by
 * size: a file of the right size can still be truncated-and-padded, corrupted or planted.
 */
public final class Digests {
    private Digests() {}

    /** A new digest of the given JDK name (SHA-256, SHA-1): every JDK has both. */
    public static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of everything left in the stream (the stream is not closed). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = of("SHA-256");
        update(md, in);
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a regular file; a symbolic link is refused (it is not the file we wrote). */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return sha256(in);
        }
    }

    /** Feeds the rest of the stream to md. */
    public static void update(MessageDigest md, InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }

    /** True when file is a regular file (not a link) whose SHA-256 is sha256; false on any read error. */
    public static boolean matches(Path file, String sha256) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            return sha256(file).equalsIgnoreCase(sha256);
        } catch (IOException e) {
            return false;
        }
    }
}
