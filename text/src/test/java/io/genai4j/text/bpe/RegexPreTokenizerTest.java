package io.genai4j.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** llama.cpp's pre-tokenizers cut text as llama.cpp's unicode_regex_split does (ids checked by LlamaCppParityTest). */
class RegexPreTokenizerTest {

    @Test
    void falconAndTheDefaultKeepTheLetterZInsideWords() {
        // "\$" in the punctuation class was rewritten to "\\z" (backslash or z): "lazy" became " la", "z", "y"
        assertEquals(List.of("The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", "."),
                RegexPreTokenizer.forGguf("falcon").split("The quick brown fox jumps over the lazy dog."));
        assertEquals(List.of("vous", " saviez"), RegexPreTokenizer.forGguf("default").split("vous saviez"));
    }

    @Test
    void aDollarInsideBracketsOrEscapedIsADollarSign() {
        assertEquals(List.of("a", "$$", "b"), RegexPreTokenizer.forGguf("falcon").split("a$$b"));
        assertEquals("[\\p{P}\\$]+", RegexPreTokenizer.endOfPiece("[\\p{P}\\$]+"));
        assertEquals("[$]x", RegexPreTokenizer.endOfPiece("[$]x"));
        assertEquals("\\s+\\z", RegexPreTokenizer.endOfPiece("\\s+$"));
    }

    @Test
    void anAnchoredDollarIsTheEndOfThePieceNotBeforeAFinalLineBreak() {
        assertEquals(List.of("a\n"), new RegexPreTokenizer("t", List.of("a$")).split("a\n"));
        assertEquals(List.of("ba", "b"), new RegexPreTokenizer("t", List.of("b$")).split("bab"));
    }

    @Test
    void wideWhitespaceIsWhitespaceNotItselfInRegexesWithoutCategories() {
        // DeepSeek's literal range 　-。 holds U+3000, its CJK range ࠀ-一 holds U+2009; llama.cpp matches
        // those regexes on text where such spaces are U+000B, so they stay with the other whitespace
        assertEquals(List.of("\n", "  \u3000", " user", "@", "example", ".", "org"),
                RegexPreTokenizer.forGguf("deepseek-llm").split("\n  \u3000 user@example.org"));
        assertEquals(List.of("\u2009s", "/", "foo"), RegexPreTokenizer.forGguf("deepseek-coder").split("\u2009s/foo"));
        // a tokenizer.json regex is Rust's: U+3000 is matched as the character it is
        assertEquals(List.of(" ", "\u3000"), new RegexPreTokenizer("t", List.of("[\\u3000-\\u3002]+")).split(" \u3000"));
    }
}
