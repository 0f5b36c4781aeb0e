package io.genai4j.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.text.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * llama.cpp's tokenizer test vectors (tests/test-tokenizer-0): for each vocab-only GGUF, the 46
 * strings of the .inp file must give exactly the ids of the .out file (no BOS, special tokens not
 * parsed). The expected ids were made with the models' Hugging Face tokenizers.
 */
class LlamaCppVectorsTest {

    /** The strings of a .inp file and the expected ids of its .out file. */
    record Vectors(List<String> texts, List<int[]> ids) {
        static Vectors load(Path inp) throws Exception {
            String[] texts = Files.readString(inp, StandardCharsets.UTF_8).split("\n__ggml_vocab_test__\n", -1);
            List<String> lines = Files.readAllLines(inp.resolveSibling(inp.getFileName().toString().replace(".inp", ".out")), StandardCharsets.UTF_8);
            List<String> t = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (int i = 0; i < Math.min(lines.size(), texts.length); i++) {
                t.add(texts[i]);
                String l = lines.get(i).trim();
                ids.add(l.isEmpty() ? new int[0] : java.util.Arrays.stream(l.split("\\s+")).mapToInt(Integer::parseInt).toArray());
            }
            return new Vectors(t, ids);
        }
    }

    static LlmTokenizer tokenizer(Path gguf) throws Exception {
        try (GgufFile f = GgufFile.open(gguf)) {
            return new LlmTokenizer(GgufVocabulary.read(f.metadata()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-2", "llama-bpe", "llama-spm", "phi-3", "deepseek-llm", "deepseek-coder", "falcon", "mpt", "starcoder", "refact", "bert-bge"})
    void passesEveryVector(String name) throws Exception {
        Path gguf = SharedData.require("tokenizers/llamacpp/ggml-vocab-" + name + ".gguf");
        Vectors v = Vectors.load(gguf.resolveSibling("ggml-vocab-" + name + ".gguf.inp"));
        LlmTokenizer tok = tokenizer(gguf);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < v.texts().size(); i++) {
            int[] got = tok.encode(v.texts().get(i), false, false);
            if (!java.util.Arrays.equals(v.ids().get(i), got)) {
                failures.add(i + ": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(v.texts().get(i))
                        + "\n   expected " + java.util.Arrays.toString(v.ids().get(i)) + "\n   got      " + java.util.Arrays.toString(got));
            }
        }
        System.out.println(name + ": " + (v.texts().size() - failures.size()) + " / " + v.texts().size() + " vectors pass");
        assertEquals(46, v.texts().size());
        assertTrue(failures.isEmpty(), name + ": " + failures.size() + " of " + v.texts().size() + " differ:\n" + String.join("\n", failures));
    }
}
