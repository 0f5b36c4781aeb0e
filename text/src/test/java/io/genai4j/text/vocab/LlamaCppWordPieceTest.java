package io.genai4j.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** llama.cpp's WordPiece word splitting (the ids are checked against llama.cpp by LlamaCppParityTest). */
class LlamaCppWordPieceTest {

    @Test
    void normalizesAndSplitsAsLlamaCpp() {
        assertEquals(List.of("cafe", "noel", ",", "你", "好", "!", "$", "5", "a", "xy", "\u1112"),
                LlamaCppWordPiece.words("Café Noël, 你好! $5 a\u0301 x\u200By\u3000\uD55C", true, true));
        assertEquals(List.of("a", "b"), LlamaCppWordPiece.words("\u0000a\uFFFD\tb\u000B", true, true));
    }

    @Test
    void aCasedVocabularyKeepsCaseAndAccentsWhenTheFileSaysSo() {
        assertEquals(List.of("Café", "a\u0301"), LlamaCppWordPiece.words("Café a\u0301", false, false));
        assertEquals(List.of("Cafe"), LlamaCppWordPiece.words("Café", false, true));
    }
}
