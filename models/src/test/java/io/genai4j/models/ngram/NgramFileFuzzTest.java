package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.fuzz.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated n-gram model files, loaded and used in a JVM with a 256 MB heap: each is
 * either a working model or one IOException naming the file and the damage. Both outcomes must
 * occur, or the mutations are not reaching the checks.
 */
class NgramFileFuzzTest {
    @Test
    void mutantsAreAcceptedOrCleanlyRejectedUnderASmallHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(NgramFileFuzz.class, "256m", 300, "2000", "5");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.accepted() > 0 && r.rejected() > 0, r.output());
        System.out.println("n-gram file fuzz: accepted " + r.accepted() + ", rejected " + r.rejected());
    }
}
