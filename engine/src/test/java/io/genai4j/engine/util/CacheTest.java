package io.genai4j.engine.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files copied out of jars are kept only while their SHA-256 matches the class path resource. */
class CacheTest {
    /** A class file of the engine itself: a resource every class path has. */
    static final String RESOURCE = "io/genai4j/engine/util/Cache.class";

    @TempDir
    Path dir;

    private static byte[] resource() throws IOException {
        try (InputStream in = Cache.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCopyOfTheRightSizeButOtherBytesIsReplaced() throws Exception {
        byte[] want = resource();
        Path f = Cache.extract(RESOURCE, dir, "the engine");
        assertArrayEquals(want, Files.readAllBytes(f));
        byte[] planted = want.clone();
        planted[planted.length / 2] ^= 0x55;
        Files.write(f, planted);                               // same size: a size check would keep it
        assertArrayEquals(want, Files.readAllBytes(Cache.extract(RESOURCE, dir, "the engine")));
    }

    @Test
    void theJarsDigestIsRememberedAndAWrongMemoIsCorrected() throws Exception {
        byte[] want = resource();
        Path f = Cache.extract(RESOURCE, dir, "the engine");
        Path memo = ResourceDigest.memo(f);
        String[] lines = Files.readString(memo).split("\n");
        assertEquals(Digests.sha256(f), lines[1]);
        Files.writeString(memo, lines[0] + "\n" + "0".repeat(64) + "\n");   // a damaged memo
        Files.write(f, new byte[want.length]);                                 // and a damaged copy
        assertArrayEquals(want, Files.readAllBytes(Cache.extract(RESOURCE, dir, "the engine")));
        assertEquals(lines[1], Files.readString(memo).split("\n")[1]);
    }

    @Test
    void aSymbolicLinkInPlaceOfTheCopyIsReplacedNotFollowed() throws Exception {
        byte[] want = resource();
        Path elsewhere = dir.resolve("elsewhere.class");
        Files.write(elsewhere, want);                          // even with the right content
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("Cache.class"), elsewhere);
        Path f = Cache.extract(RESOURCE, sub, "the engine");
        assertFalse(Files.isSymbolicLink(f));
        assertArrayEquals(want, Files.readAllBytes(f));
    }

    @Test
    void digestsAreLowerCaseHexSha256() throws Exception {
        Path f = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.sha256(f));
        assertTrue(Digests.matches(f, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
        assertFalse(Digests.matches(dir.resolve("missing"), "ba78"));
        assertThrows(IOException.class, () -> Cache.extract("no/such/resource", dir, "nowhere"));
    }
}
