package io.genai4j.text.wordpiece;

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
        ChildJvm.fuzz("WordPiece tokenizer.json", TokenizerJsonFuzz.class, 3000, 17);
    }
}
