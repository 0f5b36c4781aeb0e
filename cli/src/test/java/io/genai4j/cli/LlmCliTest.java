package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.engine.DType;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.TinyModels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai run / tokenize / inspect / chat on a tiny random model the test writes. */
class LlmCliTest {
    @TempDir
    Path tmp;

    private Path gguf() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.QWEN2, 5);
        Path g = tmp.resolve("tiny.gguf");
        HfToGguf.convert(hf, g, DType.Q8_0);
        return g;
    }

    @Test
    void runGreedyPrintsTheJsonLineAndMatchesTokenize() throws Exception {
        Path g = gguf();
        CliRun r = CliRun.of("run", g.toString(), "--prompt", "Hello world", "--max-tokens", "8", "--temperature", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(8, j.get("ids").size(), r.out());
        assertTrue(j.has("pp_tps") && j.has("tg_tps") && j.has("text"));
        CliRun again = CliRun.of("run", g.toString(), "--prompt", "Hello world", "--max-tokens", "8", "--temperature", "0", "--json", "--no-cache");
        assertEquals(j.get("ids"), again.json().get("ids"), "greedy with and without cache");
        CliRun t = CliRun.of("tokenize", g.toString(), "--json", "Hello world", "café");
        assertEquals(0, t.code(), t.err());
        assertEquals(j.get("prompt_ids"), t.json().get("ids").get(0));
        assertEquals(2, t.json().get("ids").size());
        CliRun i = CliRun.of("inspect", g.toString(), "--json");
        assertEquals(0, i.code(), i.err());
        assertEquals("qwen2", i.json().get("metadata").get("general.architecture").asText());
    }

    @Test
    void userMistakesAreOneLineErrors() throws Exception {
        CliRun missing = CliRun.of("run", tmp.resolve("nope.gguf").toString(), "--prompt", "x");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no model"), missing.err());
        Path g = gguf();
        CliRun tooLong = CliRun.of("run", g.toString(), "--prompt", "x", "--max-tokens", "100000");
        assertEquals(2, tooLong.code());
        assertTrue(tooLong.err().contains("context length"), tooLong.err());
    }

    @Test
    void chatReadsTurnsFromStdin() throws Exception {
        Path g = gguf();
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Hello\nHow are you?\n/reset\nHi again\n/exit\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = CliRun.of("chat", g.toString(), "--max-tokens", "5", "--temperature", "0", "--system", "Be brief.");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("(conversation reset)"), r.out());
            assertEquals(6, r.out().split("> ", -1).length, r.out());   // a prompt before each of the five input lines
        } finally {
            System.setIn(old);
        }
    }
}
