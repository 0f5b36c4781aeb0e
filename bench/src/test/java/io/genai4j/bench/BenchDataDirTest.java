package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default vocabularies of {@code bench bpe} and {@code bench grammar} are found where every other
 * data set is ({@code SharedDataDir}): here, the folder -Dgenai.data names.
 */
class BenchDataDirTest {
    @Test
    void defaultVocabulariesAreInTheSharedDataFolder(@TempDir Path data) throws Exception {
        Path gpt2 = Files.createDirectories(data.resolve("tokenizers/gpt2"));
        Path llama3 = data.resolve("tokenizers/llamacpp/ggml-vocab-llama-bpe.gguf");
        Files.createDirectories(llama3.getParent());
        Files.createFile(llama3);
        String before = System.getProperty("genai.data");
        System.setProperty("genai.data", data.toString());
        try {
            assertEquals(gpt2, BenchBpe.defaultVocab());
            assertEquals(llama3, BenchGrammar.defaultVocab());
        } finally {
            if (before == null) System.clearProperty("genai.data");
            else System.setProperty("genai.data", before);
        }
    }
}
