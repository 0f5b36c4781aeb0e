package io.genai4j.models.ngram;

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
        ChildJvm.fuzz("n-gram file", NgramFileFuzz.class, 2000, 5);
    }
}
