package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default vocabularies of {@code bench bpe} and {@code bench grammar} are found where every other
 * data set is: from a worktree at ROOT/wt/NAME, in ROOT/shared/data.
 */
class BenchDataDirTest {
    @Test
    void defaultVocabulariesAreFoundFromAWorktree(@TempDir Path root) throws Exception {
        assumeTrue(System.getenv("GENAI_DATA") == null, "GENAI_DATA names the data folder here");
        Path data = root.resolve("shared/data");
        Path gpt2 = Files.createDirectories(data.resolve("tokenizers/gpt2"));
        Path llama3 = data.resolve("tokenizers/llamacpp/ggml-vocab-llama-bpe.gguf");
        Files.createDirectories(llama3.getParent());
        Files.createFile(llama3);
        Path worktree = Files.createDirectories(root.resolve("wt/audit"));
        String home = System.getProperty("genai.home"), dataProperty = System.getProperty("genai.data");
        try {
            System.setProperty("genai.home", worktree.toString());
            System.clearProperty("genai.data");
            assertEquals(gpt2, BenchBpe.defaultVocab());
            assertEquals(llama3, BenchGrammar.defaultVocab());
        } finally {
            restore("genai.home", home);
            restore("genai.data", dataProperty);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
