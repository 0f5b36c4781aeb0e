package io.genai4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @Test
    void bundledShakespeareSplitsAsNanoGpt() {
        Corpus c = Corpus.tinyShakespeare();
        assertEquals(1_115_394, c.text().length());
        Corpus.Split s = c.split();
        assertEquals(1_003_854, s.train().length()); // int(1115394 * 0.9)
        assertEquals(c.text(), s.train() + s.val());
        assertEquals(65, CharTokenizer.fit(c.text()).vocabSize());
    }

    @Test
    void splitNeverCutsASurrogatePair() {
        Corpus c = new Corpus("emoji", "😀".repeat(25));
        assertEquals(22, Corpus.characters(c.split().train()));
        assertEquals(3, Corpus.characters(c.split().val()));
    }

    @Test
    void badFilesGiveClearErrors(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Corpus.load(dir.resolve("nope.txt")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "  \n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Corpus.load(empty)).getMessage().contains("empty"));
        Path binary = Files.write(dir.resolve("bin.dat"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertTrue(assertThrows(IOException.class, () -> Corpus.load(binary)).getMessage().contains("not UTF-8"));
    }
}
