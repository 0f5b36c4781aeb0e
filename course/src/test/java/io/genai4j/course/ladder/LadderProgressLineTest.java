package io.genai4j.course.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LadderProgressLineTest {
    private static LadderResult result(String name, double nats, double seconds) {
        return new LadderResult(name, "x", 0, 1, "parameters", nats, "", seconds);
    }

    @Test
    void figuresStayInOneColumnWhateverTheNameLength() {
        int w = "LSTM 2×256 (char)".length();
        String a = Ladder.progressLine(result("unigram (KN)", 3.347, 1.0), w);
        String b = Ladder.progressLine(result("LSTM 2×256 (char)", 1.572, 17.8), w);
        assertEquals("unigram (KN)       3.347 nats/char  (1.0 s)", a);
        assertEquals("LSTM 2×256 (char)  1.572 nats/char  (17.8 s)", b);
        assertEquals(a.indexOf("nats/char"), b.indexOf("nats/char"));
    }

    @Test
    void theWidthComesFromTheLongestRungOnTheClassPath() {
        int longest = 0;
        for (LadderEntry e : Ladder.entries()) longest = Math.max(longest, e.name().length());
        assertEquals(longest, Ladder.nameWidth());
    }
}
