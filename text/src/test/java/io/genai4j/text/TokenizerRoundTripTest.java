package io.genai4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.text.bpe.BpeTrainer;
import io.genai4j.text.bpe.ByteLevelBpe;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Round trips on arbitrary Unicode: emoji, combining marks, all planes, lone surrogates. */
class TokenizerRoundTripTest {
    /** Random strings mixing ASCII, accents, combining marks, CJK, emoji (with ZWJ and skin tones), astral code points and lone surrogates. */
    static List<String> arbitraryStrings() {
        SplittableRandom r = new SplittableRandom(7);
        String[] pieces = {"a", "Z", " ", "  ", "\n", "\t", "\r\n", ",", ".", "'", "-", "e\u0301", "\u0301", "ñ", "ß", "中", "😀",
                "👍🏽", "👨\u200d👩\u200d👧", "\ud800", "\udfff", "\u00a0", "\u3000", "\ufeff", "\u0000", "1", "42"};
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < 300; k++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(1, 30);
            for (int i = 0; i < n; i++) {
                if (r.nextInt(4) == 0) b.appendCodePoint(randomCodePoint(r));
                else b.append(pieces[r.nextInt(pieces.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Any code point, including unassigned ones and (as raw chars) surrogates. */
    private static int randomCodePoint(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.nextInt(0x80, 0x800);
            case 1 -> r.nextInt(0x800, 0x10000);
            default -> r.nextInt(0x10000, 0x110000);
        };
    }

    @Test
    void charTokenizerIsExactEvenOnLoneSurrogates() {
        for (String s : arbitraryStrings()) {
            CharTokenizer t = CharTokenizer.fit(s);
            assertEquals(s, t.decode(t.encode(s)));
            assertEquals(s.codePointCount(0, s.length()), t.encode(s).length);
        }
    }

    @Test
    void byteLevelBpeIsExactOnWellFormedTextAndMapsLoneSurrogatesToReplacement() {
        List<String> strings = arbitraryStrings();
        ByteLevelBpe bpe = BpeTrainer.train(String.join("", strings), 600, List.of("<|endoftext|>"));
        for (String s : strings) {
            assertEquals(TestStrings.wellFormed(s), bpe.decode(bpe.encode(s)));
        }
    }

    @Test
    void wordTokenizerIsStable() {
        for (String s : arbitraryStrings()) {
            WordTokenizer t = WordTokenizer.fit(s);
            int[] ids = t.encode(s);
            String readable = t.decode(ids);
            assertArrayEquals(ids, t.encode(readable), () -> "re-encoding changed the tokens of " + readable);
            // Only spacing may change: the non-space characters are all still there, in order.
            assertEquals(s.replaceAll("(?U)\\s", ""), readable.replaceAll("(?U)\\s", ""), "characters lost");
        }
    }
}
