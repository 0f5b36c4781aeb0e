package io.genai4j.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.text.SharedData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GPT-2 BPE against two references written by others: the ids the npm package gpt-3-encoder gives
 * (fixture made by text/src/test/node/make-gpt2-fixture.js) and llama.cpp's GPT-2 tokenizer test
 * vectors (made with Hugging Face tokenizers).
 */
class Gpt2ReferenceIdsTest {
    private static ByteLevelBpe gpt2;

    @BeforeAll
    static void load() throws Exception {
        gpt2 = ByteLevelBpe.load(SharedData.require("tokenizers/gpt2"));
    }

    @Test
    void vocabularyIsGpt2s() {
        assertEquals(50257, gpt2.vocabSize());
        assertEquals(50000, gpt2.mergeCount());
        assertEquals(java.util.Map.of("<|endoftext|>", 50256), gpt2.specialTokens());
    }

    @Test
    void matchesTheNpmReferenceOnEveryFixtureString() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("gpt2-reference-ids.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : fixture.get("cases")) {
            cases++;
            String text = c.get("text").asText();
            int[] expected = new int[c.get("ids").size()];
            for (int i = 0; i < expected.length; i++) expected[i] = c.get("ids").get(i).asInt();
            int[] actual = gpt2.encode(text);
            if (!java.util.Arrays.equals(expected, actual)) {
                failures.add(new ObjectMapper().writeValueAsString(text) + " expected " + java.util.Arrays.toString(expected)
                        + " got " + java.util.Arrays.toString(actual));
            }
            // Decoding gives the text back, with lone surrogates as U+FFFD (what UTF-8 can hold).
            assertEquals(io.genai4j.text.TestStrings.wellFormed(text), gpt2.decode(actual), "decode of " + text);
        }
        assertTrue(cases >= 300, "fixture too small: " + cases);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " strings differ:\n" + String.join("\n", failures));
    }

    @Test
    void matchesLlamaCppGpt2Vectors() throws Exception {
        Path inp = SharedData.require("tokenizers/llamacpp/ggml-vocab-gpt-2.gguf.inp");
        Path out = inp.resolveSibling("ggml-vocab-gpt-2.gguf.out");
        String[] texts = Files.readString(inp, StandardCharsets.UTF_8).split("\n__ggml_vocab_test__\n", -1);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        int n = Math.min(lines.size(), texts.length);
        for (int i = 0; i < n; i++) {
            String expected = lines.get(i).trim();
            StringBuilder actual = new StringBuilder();
            for (int id : gpt2.encode(texts[i])) actual.append(actual.isEmpty() ? "" : " ").append(id);
            if (!expected.contentEquals(actual)) failures.add(i + ": " + texts[i] + " expected " + expected + " got " + actual);
        }
        assertTrue(n >= 40, "too few llama.cpp vectors: " + n);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
