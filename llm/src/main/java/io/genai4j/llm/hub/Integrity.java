package io.genai4j.llm.hub;

import io.genai4j.engine.util.Digests;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Checks a file on disk against what the hub lists for it: the size, and a digest when there is
 * one: the SHA-256 of LFS files (weights), else the git blob id of small files (config.json,
 * tokenizer.json), which is the SHA-1 of {@code "blob <size>\0" + content}.
 */
final class Integrity {
    private Integrity() {}

    /** Why file does not match f (size or digest), or null when it does. */
    static String mismatch(Path file, HubClient.RemoteFile f) throws IOException {
        long size = Files.size(file);
        if (f.size() >= 0 && size != f.size()) return "has " + size + " bytes, the hub lists " + f.size();
        if (f.sha256() != null) {
            String got = Digests.sha256(file);
            if (!got.equalsIgnoreCase(f.sha256())) return "SHA-256 " + got + " does not match the hub's " + Printable.of(f.sha256());
        } else if (f.gitSha1() != null) {
            String got = gitBlobSha1(file, size);
            if (!got.equalsIgnoreCase(f.gitSha1())) return "git blob id " + got + " does not match the hub's " + Printable.of(f.gitSha1());
        }
        return null;
    }

    static String gitBlobSha1(Path file, long size) throws IOException {
        MessageDigest md = Digests.of("SHA-1");
        md.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            Digests.update(md, in);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
