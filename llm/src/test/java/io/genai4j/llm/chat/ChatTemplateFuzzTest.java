package io.genai4j.llm.chat;

import io.genai4j.text.fuzz.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Mutated chat templates rendered in a JVM with a 256 MB heap: each renders or is one
 * IllegalArgumentException; none hangs (the child has a deadline) or runs out of memory.
 */
class ChatTemplateFuzzTest {
    @Test
    void mutantsRenderOrAreCleanlyRefusedUnderASmallHeap() throws Exception {
        ChildJvm.fuzz("chat template", ChatTemplateFuzz.class, 400, 11);
    }
}
