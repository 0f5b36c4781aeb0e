package io.genai4j.models.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsFileTest {

    @Test
    void aHeaderPromisingMoreThanTheFileHoldsIsRefusedBeforeAllocating(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("v.txt"), "1000000000 300\nking 0.1 0.2\n");
        IOException e = assertThrows(IOException.class, () -> WordVectors.load(f));
        assertTrue(e.getMessage().contains("the header promises 1000000000 words of dimension 300"), e.getMessage());
    }

    @Test
    void savingReplacesTheFileAndCleansTempFilesOfKilledSaves(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        Path killed = Files.write(dir.resolve(".v.txt." + p.pid() + "-5eed.tmp"), new byte[1 << 16]);
        WordVectors v = new WordVectors(new String[] {"a", "b"}, new float[][] {{1, 0}, {0, 1}}, null);
        v.save(dir.resolve("v.txt"));
        assertFalse(Files.exists(killed), "a temp file of a dead writer");
        assertEquals(2, WordVectors.load(dir.resolve("v.txt")).size());
    }
}
