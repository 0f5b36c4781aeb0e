package io.genai4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopyDetectorTest {
    private static final String TRAIN = "one two three four five six seven eight nine ten. alpha beta gamma delta";

    @Test
    void countsWordsInsideVerbatimSpansOfAtLeastEight() {
        CopyDetector d = new CopyDetector(TRAIN, 8);
        // 12 words: x y, then 9 copied words (punctuation ignored), then z.
        CopyDetector.Result r = d.measure("x y one, two three four five six seven eight nine z");
        assertEquals(12, r.words());
        assertEquals(9, r.copiedWords());
        assertEquals(9, r.longestSpan());
        assertEquals("one two three four five six seven eight nine", r.longestText());
        assertEquals(0.75, r.rate(), 1e-12);
    }

    @Test
    void sevenWordsAreNotACopyAndUnionsOfSpansCount() {
        CopyDetector d = new CopyDetector(TRAIN, 8);
        assertEquals(0, d.measure("one two three four five six seven").copiedWords());
        // Two separate 8-word copies: "two..nine" and "three..ten" overlap, then a copy crossing the sentence.
        CopyDetector.Result r = d.measure("two three four five six seven eight nine q three four five six seven eight nine ten");
        assertEquals(17, r.words());
        assertEquals(16, r.copiedWords());
        assertEquals(8, r.longestSpan());
        assertEquals(0, d.measure("").words());
    }

    @Test
    void caseMatters() {
        CopyDetector d = new CopyDetector(TRAIN, 3);
        assertEquals(0, d.measure("One Two Three").copiedWords());
        assertEquals(3, d.measure("one two three").copiedWords());
    }
}
