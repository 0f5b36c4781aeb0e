package io.genai4j.text.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile BERT tokenizer.json files are one IllegalArgumentException naming the field and value. */
class TokenizerJsonHardeningTest {
    private static String refused(String json) {
        return assertThrows(IllegalArgumentException.class, () -> TokenizerJson.parse(json.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    private static String bert(String vocab, String extra) {
        return "{\"model\":{\"type\":\"WordPiece\",\"vocab\":" + vocab + "}" + extra + "}";
    }

    @Test
    void aLoneHugeIdIsRefusedBeforeAllocating() {
        assertEquals("token id 40000000 is far beyond the 2 tokens the file defines", refused(bert("{\"[UNK]\":0,\"a\":40000000}", "")));
    }

    @Test
    void wrongTypesNameTheField() {
        assertEquals("bad id \"1\" for model.vocab[\"a\"]", refused(bert("{\"[UNK]\":0,\"a\":\"1\"}", "")));
        assertEquals("added_tokens[0] must be an object, found string \"x\"", refused(bert("{\"[UNK]\":0}", ",\"added_tokens\":[\"x\"]")));
        assertEquals("added_tokens[0].content is empty (an added token must match some text)",
                refused(bert("{\"[UNK]\":0}", ",\"added_tokens\":[{\"id\":0,\"content\":\"\"}]")));
        assertEquals("added_tokens[0].special must be true or false, found string \"yes\"",
                refused(bert("{\"[UNK]\":0}", ",\"added_tokens\":[{\"id\":0,\"content\":\"[UNK]\",\"special\":\"yes\"}]")));
        assertEquals("pre_tokenizer must be an object, found number 3", refused(bert("{\"[UNK]\":0}", ",\"pre_tokenizer\":3")));
        assertEquals("normalizer.lowercase must be true or false, found number 1",
                refused(bert("{\"[UNK]\":0}", ",\"normalizer\":{\"type\":\"BertNormalizer\",\"lowercase\":1}")));
        assertEquals("bad id \"101\" for post_processor.cls[1]",
                refused(bert("{\"[UNK]\":0}", ",\"post_processor\":{\"type\":\"BertProcessing\",\"cls\":[\"[CLS]\",\"101\"],\"sep\":[\"[SEP]\",102]}")));
        assertEquals("post_processor.single[0].SpecialToken.type_id must be an integer in 0..255, found string \"0\"",
                refused(bert("{\"[UNK]\":0,\"[CLS]\":1,\"[SEP]\":2}",
                        ",\"post_processor\":{\"type\":\"TemplateProcessing\",\"single\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":\"0\"}}],\"pair\":[]}")));
        assertEquals("model.max_input_chars_per_word must be an integer in 0..2147483647, found number -5",
                refused("{\"model\":{\"type\":\"WordPiece\",\"max_input_chars_per_word\":-5,\"vocab\":{\"[UNK]\":0}}}"));
    }

    @Test
    void controlCharactersInValuesAreEscaped() {
        assertEquals("tokenizer model is \\x1b[2JBPE, only WordPiece (BERT) is supported here",
                refused("{\"model\":{\"type\":\"\\u001b[2JBPE\",\"vocab\":{}}}"));
    }
}
