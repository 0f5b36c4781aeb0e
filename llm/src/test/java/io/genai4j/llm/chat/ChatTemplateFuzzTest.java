package io.genai4j.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.fuzz.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Mutated chat templates rendered in a JVM with a 256 MB heap: each renders or is one
 * IllegalArgumentException; none hangs (the child has a deadline) or runs out of memory.
 */
class ChatTemplateFuzzTest {
    @Test
    void mutantsRenderOrAreCleanlyRefusedUnderASmallHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(ChatTemplateFuzz.class, "256m", 300, "400", "11");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.accepted() > 0 && r.rejected() > 0, r.output());
        System.out.println("chat template fuzz: accepted " + r.accepted() + ", rejected " + r.rejected());
    }
}
