package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --threads: allowed above the core count (as llama.cpp's -t) but never silently; below 1 refused. */
class ThreadsOptionTest {
    @Test
    void aboveTheCoresIsWarnedAbout() {
        assertNull(ThreadsOption.warning("--threads", 2, 2));
        assertNull(ThreadsOption.warning("--threads", 1, 8));
        assertEquals("genai: warning: --threads 3 is more than the 2 cores this machine has; the extra threads share cores and usually make it slower",
                ThreadsOption.warning("--threads", 3, 2));
    }

    @Test
    void zeroIsAOneLineError() {
        CliRun r = CliRun.of("run", "nope.gguf", "--prompt", "x", "--threads", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads must be at least 1, got 0"), r.err());
    }
}
