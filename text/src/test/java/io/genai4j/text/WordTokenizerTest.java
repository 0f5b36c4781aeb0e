package io.genai4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    @Test
    void splitsWordsPunctuationAndLineBreaks() {
        assertEquals(List.of("ROMEO", ":", "\n", "O'er", "the", "well-a-day", ",", "'", "tis", "so", "!", "\n"),
                WordTokenizer.split("ROMEO:\nO'er  the well-a-day, 'tis so!\n"));
    }

    @Test
    void decodeRestoresReadableSpacing() {
        WordTokenizer t = WordTokenizer.fit("x");
        assertEquals("I pray you, sir. (Aside) 'tis the lovers' day!\nNext line",
                WordTokenizer.join(WordTokenizer.split("I pray you , sir . ( Aside ) ' tis the lovers ' day ! \n Next line")));
        assertEquals(1, t.encode("x").length);
    }

    @Test
    void unknownWordsBecomeUnk() {
        WordTokenizer t = WordTokenizer.fit("the cat sat on the mat");
        int[] ids = t.encode("the dog sat");
        assertEquals(WordTokenizer.UNK_ID, ids[1]);
        assertEquals("the <unk> sat", t.decode(ids));
        assertEquals(1, t.idOf("the"), "most frequent word gets the first id after <unk>");
        assertArrayEquals(new int[] {1}, t.encode("the"));
    }
}
