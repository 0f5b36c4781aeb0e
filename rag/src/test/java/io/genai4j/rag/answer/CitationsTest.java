package io.genai4j.rag.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {
    @Test
    void citationsInEveryFormAreReadAndCheckedAgainstTheSources() {
        Citations c = Citations.check("Cats purr [2]. Dogs bark [1, 3][2]. Birds fly [7]. Not a cite: [x] or [ ].", 3);
        assertEquals(List.of(2, 1, 3), c.cited());
        assertEquals(List.of(7), c.invalid());
        assertFalse(c.grounded());
        assertTrue(Citations.check("Only [1].", 1).grounded());
        assertFalse(Citations.check("No citation at all.", 3).grounded());
        assertEquals(List.of(0), Citations.check("Zero is no source [0].", 3).invalid());
    }
}
