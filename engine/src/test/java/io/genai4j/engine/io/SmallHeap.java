package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fuzz test class that must run under the small heap: tagged "small-heap" (the pom's
 * fuzz-small-heap execution runs it with -Xmx256m, the default execution leaves it out), and
 * refused up front under a larger heap, where an allocation bomb in a parser would quietly succeed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("small-heap")
@ExtendWith(SmallHeap.Check.class)
public @interface SmallHeap {
    /** Fails the class before its tests when the heap is larger than the small-heap execution's. */
    final class Check implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            long max = Runtime.getRuntime().maxMemory();
            assertTrue(max <= 512L << 20, "run through the fuzz-small-heap execution (-Xmx256m), not with a heap of " + (max >> 20) + " MB");
        }
    }
}
