package io.genai4j.text.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.fuzz.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated BERT tokenizer.json files, read in a JVM with a 256 MB heap: each is
 * either a working tokenizer or one IllegalArgumentException naming what is wrong. Both outcomes
 * must occur, or the mutations are not reaching the checks.
 */
class TokenizerJsonFuzzTest {
    @Test
    void mutantsAreAcceptedOrCleanlyRejectedUnderASmallHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(TokenizerJsonFuzz.class, "256m", 300, "3000", "17");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.accepted() > 0 && r.rejected() > 0, r.output());
        System.out.println("WordPiece tokenizer.json fuzz: accepted " + r.accepted() + ", rejected " + r.rejected());
    }
}
