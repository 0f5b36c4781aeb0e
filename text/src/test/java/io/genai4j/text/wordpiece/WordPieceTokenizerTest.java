package io.genai4j.text.wordpiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules one by one, on a tiny hand-made vocabulary, plus the MiniLM reference ids. */
class WordPieceTokenizerTest {
    @TempDir
    Path tmp;

    private WordPieceTokenizer tiny() throws Exception {
        Path vocab = tmp.resolve("vocab.txt");
        Files.writeString(vocab, String.join("\n", "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
                "un", "##aff", "##able", "the", "cafe", "!", ",", "'", "t", "don", "我", "爱", "a", "##b", "ab") + "\n");
        return WordPieceTokenizer.fromVocabTxt(vocab, true);
    }

    @Test
    void greedyLongestMatchWithContinuationPrefix() throws Exception {
        WordPieceTokenizer t = tiny();
        assertArrayEquals(new int[] {5, 6, 7}, t.tokenize("unaffable"));
        assertArrayEquals(new int[] {19}, t.tokenize("ab"), "the whole word beats a + ##b");
        assertArrayEquals(new int[] {19, 18}, t.tokenize("abb"));
        assertArrayEquals(new int[] {1}, t.tokenize("unaffablex"), "one unmatched part makes the whole word [UNK]");
    }

    @Test
    void normalisationPunctuationAndCjk() throws Exception {
        WordPieceTokenizer t = tiny();
        assertArrayEquals(new int[] {8, 9, 10}, t.tokenize("THE Café!"), "lower-cased, accent stripped, ! split off");
        assertArrayEquals(new int[] {14, 12, 13}, t.tokenize("don't"));
        assertArrayEquals(new int[] {15, 16}, t.tokenize("我爱"), "each ideograph is its own word");
        assertArrayEquals(new int[] {8, 8}, t.tokenize("the\u00A0the\u3000"), "no-break and ideographic spaces split words");
        assertArrayEquals(new int[] {1}, t.tokenize("the\u0000\u200Bthe"), "NUL and format chars vanish, joining one unknown word");
    }

    @Test
    void specialTokensTemplatesTruncationAndPadding() throws Exception {
        WordPieceTokenizer t = tiny();
        assertArrayEquals(new int[] {8, 4, 8}, t.tokenize("the[MASK]the"), "special tokens are matched in the raw text");
        Encoding pair = t.encodePair("the the the", "cafe", 6);
        assertArrayEquals(new int[] {2, 8, 8, 3, 9, 3}, pair.ids());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1}, pair.typeIds());
        Batch b = t.encodeBatch(List.of("the", "the cafe !"), 512);
        assertEquals(5, b.length());
        assertArrayEquals(new int[] {2, 8, 3, 0, 0, 2, 8, 9, 10, 3}, b.ids());
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 1, 1, 1, 1, 1}, b.attentionMask());
        assertEquals("the cafe!", t.decode(java.util.Arrays.copyOfRange(b.ids(), 5, 10)));
    }

    @Test
    void longestFirstTruncation() {
        assertArrayEquals(new int[] {3, 5}, Truncation.longestFirst(3, 10, 8), "the shorter stays whole");
        assertArrayEquals(new int[] {4, 4}, Truncation.longestFirst(9, 10, 8), "both halved");
        assertArrayEquals(new int[] {4, 3}, Truncation.longestFirst(10, 9, 7), "the odd token goes to the longer one");
        assertArrayEquals(new int[] {7, 0}, Truncation.longestFirst(10, -1, 7));
    }

    @Test
    void miniLmReferenceIds() throws Exception {
        Path json = tmp.resolve("t.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, json);
        }
        WordPieceTokenizer t = WordPieceTokenizer.fromTokenizerJson(json);
        assertArrayEquals(new int[] {101, 1996, 4937, 7719, 2006, 1996, 13523, 1012, 102}, t.encode("The cat sits on the mat."));
        assertEquals(30522, t.vocabSize());
    }

    @Test
    void refusesOtherTokenizerKinds() {
        var e = assertThrows(IllegalArgumentException.class, () -> TokenizerJson.parse("{\"model\":{\"type\":\"BPE\",\"vocab\":{}}}".getBytes()));
        assertEquals("tokenizer model is BPE, only WordPiece (BERT) is supported here", e.getMessage());
    }
}
