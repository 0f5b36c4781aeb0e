package io.genai4j.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.fuzz.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated tokenizer.json (and config) files, read in a JVM with a 256 MB heap: each is
 * either a working tokenizer or one IllegalArgumentException naming what is wrong. Both outcomes
 * must occur, or the mutations are not reaching the checks.
 */
class TokenizerJsonFuzzTest {
    @Test
    void mutantsAreAcceptedOrCleanlyRejectedUnderASmallHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(TokenizerJsonFuzz.class, "256m", 300, "3000", "13");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.accepted() > 0 && r.rejected() > 0, r.output());
        System.out.println("tokenizer.json fuzz: accepted " + r.accepted() + ", rejected " + r.rejected());
    }
}
