package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.DType;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.TinyModels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai run / tokenize / inspect / chat on a tiny random model the test writes. */
class LlmCliTest {
    @TempDir
    Path tmp;

    private Path gguf() throws Exception {
        return tinyGguf(tmp);
    }

    /** A tiny random Qwen2 written as Q8_0 GGUF into dir (300-token byte-level vocabulary). */
    static Path tinyGguf(Path dir) throws Exception {
        Path hf = TinyModels.writeHf(dir.resolve("hf"), Arch.QWEN2, 5);
        Path g = dir.resolve("tiny.gguf");
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

    private static CliRun chat(String stdin, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    /** The answers of a chat transcript, one per prompt ("> "), the text before the first prompt dropped. */
    private static List<String> answers(CliRun r) {
        List<String> parts = new ArrayList<>(List.of(r.out().split("> ", -1)));
        parts.removeFirst();
        return parts;
    }

    @Test
    void anOverLongMessageIsReportedAndTheSessionGoesOnAsIfItWasNotSent() throws Exception {
        Path g = gguf();
        String[] args = {"chat", g.toString(), "--max-tokens", "5", "--temperature", "0"};
        CliRun plain = chat("Hello\nHi again\n/exit\n", args);
        CliRun withLong = chat("Hello\n" + "word ".repeat(400) + "\nHi again\n/exit\n", args);
        assertEquals(0, withLong.code(), withLong.err());
        assertTrue(withLong.err().contains("more than the model's context") && withLong.err().contains("not sent"), withLong.err());
        assertFalse(withLong.err().contains("\tat "), withLong.err());
        List<String> a = answers(plain), b = answers(withLong);
        assertEquals(4, b.size(), withLong.out());
        assertEquals(a.get(0), b.get(0));
        assertFalse(a.get(1).isBlank(), "the model answers: " + plain.out());
        assertEquals(a.get(1), b.get(2), "the rejected message left nothing behind (messages, KV cache)");
    }

    @Test
    void aTemplateErrorIsReportedAndTheSessionGoesOn() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.QWEN2, 5);
        Path cfgFile = hf.resolve("tokenizer_config.json");
        ObjectMapper om = new ObjectMapper();
        ObjectNode cfg = (ObjectNode) om.readTree(cfgFile.toFile());
        cfg.put("chat_template", "{% for m in messages %}{% if 'boom' in m['content'] %}{{ raise_exception('boom is not allowed') }}{% endif %}"
                + "<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}<|im_start|>assistant\n");
        om.writeValue(cfgFile.toFile(), cfg);
        String[] args = {"chat", hf.toString(), "--max-tokens", "5", "--temperature", "0"};
        CliRun r = chat("Hello\nboom\nHi again\n/exit\n", args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("boom is not allowed"), r.err());
        List<String> b = answers(r);
        assertEquals(4, b.size(), r.out());
        assertEquals(answers(chat("Hello\nHi again\n/exit\n", args)).get(1), b.get(2));
    }

    @Test
    void runAndChatTakeThePromptFromAFile() throws Exception {
        Path g = gguf();
        Path file = Files.writeString(tmp.resolve("prompt.txt"), "Hello world");
        CliRun text = CliRun.of("run", g.toString(), "--prompt", "Hello world", "--max-tokens", "4", "--temperature", "0", "--json");
        CliRun fromFile = CliRun.of("run", g.toString(), "--prompt-file", file.toString(), "--max-tokens", "4", "--temperature", "0", "--json");
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(text.json().get("prompt_ids"), fromFile.json().get("prompt_ids"));
        assertEquals(text.json().get("ids"), fromFile.json().get("ids"));

        CliRun fromStdin = chat("Hello world", "run", g.toString(), "--prompt-file", "-", "--max-tokens", "4", "--temperature", "0", "--json");
        assertEquals(0, fromStdin.code(), fromStdin.err());
        assertEquals(text.json().get("ids"), fromStdin.json().get("ids"));

        CliRun both = CliRun.of("run", g.toString(), "--prompt", "x", "--prompt-file", file.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRun neither = CliRun.of("run", g.toString());
        assertEquals(2, neither.code());

        CliRun chatFromFile = chat("/exit\n", "chat", g.toString(), "--prompt-file", file.toString(), "--max-tokens", "4", "--temperature", "0");
        assertEquals(0, chatFromFile.code(), chatFromFile.err());
        assertTrue(chatFromFile.out().startsWith("> Hello world\n"), chatFromFile.out());
        assertEquals(answers(chat("Hello world\n/exit\n", "chat", g.toString(), "--max-tokens", "4", "--temperature", "0")).get(0),
                answers(chatFromFile).get(0).substring("Hello world\n".length()));
    }

    @Test
    void aMegabytePromptFileIsReadAndRefusedForItsLengthNotItsTransport() throws Exception {
        Path g = gguf();
        Path big = Files.writeString(tmp.resolve("big.txt"), "All the world's a stage. ".repeat(42_000));
        assertTrue(Files.size(big) > 1_000_000);
        CliRun r = CliRun.of("run", g.toString(), "--prompt-file", big.toString(), "--max-tokens", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("context length"), r.err());
    }

    @Test
    void badPromptFilesAreOneLine() throws Exception {
        Path g = gguf();
        CliRun missing = CliRun.of("run", g.toString(), "--prompt-file", tmp.resolve("nope.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--prompt-file") && missing.err().contains("no such file"), missing.err());
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '!'});
        CliRun notUtf8 = CliRun.of("run", g.toString(), "--prompt-file", latin1.toString());
        assertEquals(2, notUtf8.code());
        assertTrue(notUtf8.err().contains("not UTF-8") && notUtf8.err().contains("offset 3"), notUtf8.err());
        CliRun folder = CliRun.of("run", g.toString(), "--prompt-file", tmp.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("is a folder"), folder.err());
    }
}
