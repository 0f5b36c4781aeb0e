package io.genai4j.text.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokenizer metadata of small GGUF files written here, read as llama.cpp reads it. */
class GgufVocabularyTest {
    @TempDir
    Path tmp;

    private Vocabulary read(String model, List<String> tokens, int[] types, GgufWriter extra) throws Exception {
        Path p = tmp.resolve(model + ".gguf");
        extra.putString("general.architecture", model)
                .putString("tokenizer.ggml.model", model)
                .putStrings("tokenizer.ggml.tokens", tokens.toArray(String[]::new))
                .putI32s("tokenizer.ggml.token_type", types)
                .write(p);
        try (GgufFile f = GgufFile.open(p)) {
            return GgufVocabulary.read(f.metadata());
        }
    }

    @Test
    void aUserDefinedEndOfSequenceIsAControlTokenAsInLlamaCpp() throws Exception {
        // Phi-3 stores </s> as user-defined; llama.cpp's end-of-generation list makes it control, so
        // without parse_special its text is text
        List<String> tokens = List.of("<unk>", "<s>", "</s>", "\u2581", "<", "/", "s", ">", "\u2581<");
        Vocabulary v = read("llama", tokens, new int[] {2, 3, 4, 1, 1, 1, 1, 1, 1}, new GgufWriter());
        assertEquals(TokenType.CONTROL, v.types()[2]);
        assertTrue(v.eog().contains(2));
        LlmTokenizer tok = new LlmTokenizer(v);
        assertArrayEquals(new int[] {8, 5, 6, 7}, tok.encode("</s>", false, false));
        assertArrayEquals(new int[] {2}, tok.encode("</s>", false, true));
    }

    @Test
    void aFillInTheMiddleTokenFoundByItsTextIsControl() throws Exception {
        List<String> tokens = List.of("<unk>", "<s>", "</s>", "<fim_prefix>", "<|file_sep|>");
        Vocabulary v = read("llama", tokens, new int[] {2, 3, 3, 4, 4}, new GgufWriter());
        assertEquals(TokenType.CONTROL, v.types()[3]);
        assertEquals(TokenType.CONTROL, v.types()[4]);
        assertTrue(v.eog().contains(4) && !v.eog().contains(3), "file_sep ends generation, fim_prefix does not");
    }

    @Test
    void anUnknownModelIsNamedWithItsControlCharactersEscaped() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> read("t5\u001b[2J", List.of("a"), new int[] {1}, new GgufWriter()));
        assertTrue(e.getMessage().startsWith("unsupported tokenizer model 't5\\x1b[2J' in tokenizer.ggml.model"), e.getMessage());
    }

    @Test
    void aBertVocabularyIsWordPieceWithClsAndSep() throws Exception {
        List<String> tokens = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "\u2581un", "aff", "able", "\u2581the", "\u2581,", "\u2581cafe");
        Vocabulary v = read("bert", tokens, new int[] {3, 3, 3, 3, 1, 1, 1, 1, 1, 1}, new GgufWriter()
                .putU32("tokenizer.ggml.bos_token_id", 2)
                .putU32("tokenizer.ggml.seperator_token_id", 3)
                .putU32("tokenizer.ggml.unknown_token_id", 1));
        LlmTokenizer tok = new LlmTokenizer(v);
        assertEquals("wordpiece", tok.kind());
        assertArrayEquals(new int[] {2, 4, 5, 6, 7, 1, 8, 9, 3}, tok.encode("Unaffable the xyz, Café", true, false));
        assertArrayEquals(new int[] {4, 5, 6, 2}, tok.encode("unaffable[CLS]", false, true));
        assertEquals(" unaffable the", tok.decode(new int[] {2, 4, 5, 6, 7, 3}, false), "llama.cpp's detokenize keeps the leading space");
        assertTrue(v.lowercase() && v.stripAccents(), "BertNormalizer's defaults");
    }

    @Test
    void aCasedBertVocabularySaysSoInItsNormalizerKeys() throws Exception {
        List<String> tokens = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "\u2581Caf\u00e9", "\u2581cafe");
        Vocabulary v = read("bert", tokens, new int[] {3, 3, 3, 3, 1, 1}, new GgufWriter()
                .putU32("tokenizer.ggml.unknown_token_id", 1)
                .putBool("tokenizer.ggml.normalizer.lowercase", false));
        assertEquals(false, v.stripAccents(), "strip_accents follows lowercase when absent, as in llama.cpp");
        assertArrayEquals(new int[] {4}, new LlmTokenizer(v).encode("Caf\u00e9", false, false));
    }
}
