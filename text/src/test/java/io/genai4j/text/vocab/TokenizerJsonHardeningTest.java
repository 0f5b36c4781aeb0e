package io.genai4j.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile tokenizer.json files are one IllegalArgumentException naming the file, field and value. */
class TokenizerJsonHardeningTest {
    private static final Path DIR = Path.of("m");

    private static String refused(String tokenizerJson, String config, String generation) {
        return assertThrows(IllegalArgumentException.class, () -> TokenizerJson.parse(bytes(tokenizerJson), bytes(config), bytes(generation), DIR))
                .getMessage();
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String bpe(String vocab, String extra) {
        return "{\"model\":{\"type\":\"BPE\",\"vocab\":" + vocab + ",\"merges\":[]}" + extra + ",\"decoder\":{\"type\":\"ByteLevel\"}}";
    }

    @Test
    void aLoneHugeIdIsRefusedBeforeAllocating() {
        assertEquals(Path.of("m", "tokenizer.json") + ": token id 5000000 is far beyond the 2 tokens the file defines (the ids in between would all be padding)",
                refused(bpe("{\"a\":0,\"b\":5000000}", ""), null, null));
        assertEquals(Path.of("m", "tokenizer.json") + ": added_tokens[0].id must be an integer in 0..50000000, found number 500000000",
                refused(bpe("{\"a\":0}", ",\"added_tokens\":[{\"id\":500000000,\"content\":\"x\"}]"), null, null));
    }

    @Test
    void wrongTypesNameTheField() {
        assertTrue(refused(bpe("{\"a\":\"0\"}", ""), null, null).endsWith("model.vocab[\"a\"] must be an integer in 0..50000000, found string \"0\""));
        assertTrue(refused(bpe("{\"a\":0.5}", ""), null, null).endsWith("found number 0.5"));
        assertTrue(refused(bpe("[1]", ""), null, null).endsWith("model.vocab must be an object, found array [1]"));
        assertTrue(refused(bpe("{\"a\":0}", ",\"added_tokens\":[{\"id\":1,\"content\":7}]"), null, null).endsWith("added_tokens[0].content must be a string, found number 7"));
        assertTrue(refused(bpe("{\"a\":0}", ",\"added_tokens\":[{\"id\":1,\"content\":\"\"}]"), null, null).endsWith("added_tokens[0].content is empty (an added token must match some text)"));
        String merges = "{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0},\"merges\":[[\"a\",1]]},\"decoder\":{\"type\":\"ByteLevel\"}}";
        assertTrue(refused(merges, null, null).endsWith("model.merges[0] must be \"a b\" or [\"a\", \"b\"], found [\"a\",1]"));
        assertTrue(refused(bpe("{\"a\":0}", ""), null, "{\"eos_token_id\":[0,\"x\"]}").endsWith("generation_config.json: eos_token_id must be an integer in 0..50000000, found string \"x\""));
        assertTrue(refused(bpe("{\"a\":0}", ""), "{\"chat_template\":[{\"name\":\"default\",\"template\":1}]}", null).endsWith("chat_template.template must be a string, found number 1"));
        assertTrue(refused("{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0}", null, null).contains("tokenizer.json: not valid JSON: "));
    }

    @Test
    void anInvalidRegexIsABadFile() {
        String json = bpe("{\"a\":0}", ",\"pre_tokenizer\":{\"type\":\"Split\",\"pattern\":{\"Regex\":\"(unclosed\"},\"behavior\":\"Isolated\"}");
        String m = refused(json, null, null);
        assertTrue(m.contains("tokenizer.json: pre_tokenizer regex (unclosed is invalid: Unclosed group"), m);
    }

    @Test
    void aFolderWithoutTokenizerJsonSaysWhatItHolds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{}");
        var e = assertThrows(NoSuchFileException.class, () -> TokenizerJson.read(dir));
        assertEquals(dir + ": expected a model folder with Hugging Face's tokenizer.json (or a .gguf file), found a folder holding config.json", e.getMessage());
    }
}
