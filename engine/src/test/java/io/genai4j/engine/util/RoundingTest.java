package io.genai4j.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundingTest {
    @Test
    void roundsHalfUpToTheDigitsAsked() {
        assertEquals(1.2346, Rounding.places(1.23456, 4));
        assertEquals(-0.12, Rounding.places(-0.1249, 2));
        assertEquals(3.0, Rounding.places(2.5, 0));
        assertEquals(1234L, Rounding.whole(1233.5));
    }

    @Test
    void valuesThatAreNotFiniteStayWhatTheyAre() {
        // The bug this replaces: Math.round(NaN * 1e4) / 1e4 == 0.0, a perfect loss for a diverged model.
        assertEquals(Double.NaN, Rounding.places(Double.NaN, 4));
        assertEquals(Double.POSITIVE_INFINITY, Rounding.places(Double.POSITIVE_INFINITY, 4));
        assertEquals(Double.NEGATIVE_INFINITY, Rounding.places(Double.NEGATIVE_INFINITY, 2));
        assertEquals(Double.NaN, Rounding.whole(Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, Rounding.whole(Double.POSITIVE_INFINITY));
    }

    @Test
    void hugeValuesAreNotSaturated() {
        assertEquals(1e17, Rounding.places(1e17, 4));
        assertEquals(1e30, Rounding.whole(1e30));
    }

    @Test
    void digitsOutOfRangeAreABug() {
        assertThrows(IllegalArgumentException.class, () -> Rounding.places(1, 12));
    }
}
