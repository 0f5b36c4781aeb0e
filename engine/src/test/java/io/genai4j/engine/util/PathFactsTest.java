package io.genai4j.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathFactsTest {
    @TempDir
    Path dir;

    @Test
    void saysWhatIsThere() throws Exception {
        assertEquals("nothing there", PathFacts.describe(dir.resolve("none")));
        assertEquals("an empty folder", PathFacts.describe(dir));
        Files.writeString(dir.resolve("b.txt"), "hello");
        Files.writeString(dir.resolve("a\u001b[31m.json"), "");
        assertEquals("a folder holding a\\x1b[31m.json, b.txt", PathFacts.describe(dir));
        assertEquals("a file of 5 bytes", PathFacts.describe(dir.resolve("b.txt")));
        for (int i = 0; i < 10; i++) Files.createFile(dir.resolve("f" + i));
        assertEquals("a folder holding a\\x1b[31m.json, b.txt, f0, f1, f2, f3 and 6 more", PathFacts.describe(dir));
    }
}
