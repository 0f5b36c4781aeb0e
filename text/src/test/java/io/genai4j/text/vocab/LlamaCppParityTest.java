package io.genai4j.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.text.SharedData;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vocabulary of ../shared/data/tokenizers/llamacpp against llama.cpp itself on 3000 strings of
 * our own (English, French accents, code, digits, whitespace runs, emoji, CJK, special-token texts,
 * random code points): the ids llama.cpp gave, with and without parse_special, are stored in
 * {@code llamacpp-parity/<vocab>.ids.gz} (made by make-fixture.mjs beside them; the vocab files stay
 * in the shared data and the test skips without them).
 */
class LlamaCppParityTest {
    private static final String DIR = "/io/genai4j/text/vocab/llamacpp-parity/";

    /** One string's expected ids: parse_special=false, and parse_special=true. */
    record Expected(int[] plain, int[] special) {}

    static List<String> strings() throws Exception {
        try (InputStream in = LlamaCppParityTest.class.getResourceAsStream(DIR + "strings.json")) {
            return Arrays.asList(new ObjectMapper().readValue(in, String[].class));
        }
    }

    static List<Expected> expected(String vocab) throws Exception {
        List<Expected> out = new ArrayList<>();
        try (InputStream in = LlamaCppParityTest.class.getResourceAsStream(DIR + vocab + ".ids.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int bar = line.indexOf(" | ");
                int[] plain = ids(bar < 0 ? line : line.substring(0, bar));
                out.add(new Expected(plain, bar < 0 ? plain : ids(line.substring(bar + 3))));
            }
        }
        return out;
    }

    private static int[] ids(String s) {
        return s.isBlank() ? new int[0] : Arrays.stream(s.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"baichuan", "bert-bge", "deepseek-coder", "deepseek-llm", "falcon", "gpt-2", "gpt-neox", "llama-bpe",
            "llama-spm", "mpt", "phi-3", "refact", "starcoder"})
    void agreesWithLlamaCpp(String vocab) throws Exception {
        Path gguf = SharedData.require("tokenizers/llamacpp/ggml-vocab-" + vocab + ".gguf");
        LlmTokenizer tok;
        try (GgufFile f = GgufFile.open(gguf)) {
            tok = new LlmTokenizer(GgufVocabulary.read(f.metadata()));
        }
        List<String> texts = strings();
        List<Expected> want = expected(vocab);
        assertEquals(texts.size(), want.size(), vocab + ".ids.gz has one line per string");
        List<String> failures = new ArrayList<>();
        int plainOk = 0, specialOk = 0;
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            int[] plain = tok.encode(t, false, false), special = tok.encode(t, false, true);
            if (Arrays.equals(plain, want.get(i).plain())) plainOk++;
            else failures.add(i + " plain " + json.writeValueAsString(t) + "\n   llama.cpp " + Arrays.toString(want.get(i).plain())
                    + "\n   genai4j   " + Arrays.toString(plain));
            if (Arrays.equals(special, want.get(i).special())) specialOk++;
            else failures.add(i + " special " + json.writeValueAsString(t) + "\n   llama.cpp " + Arrays.toString(want.get(i).special())
                    + "\n   genai4j   " + Arrays.toString(special));
        }
        System.out.printf("%s: %d / %d agree, %d / %d with parse_special%n", vocab, plainOk, texts.size(), specialOk, texts.size());
        assertTrue(failures.isEmpty(), vocab + ": " + failures.size() + " differ from llama.cpp, first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
}
