package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A group command run without a subcommand prints its own usage, subcommands listed, and succeeds. */
class CommandGroupTest {
    @Test
    void aGroupAlonePrintsItsUsage() {
        for (String group : new String[] {"gguf", "bert", "seq2seq", "vae"}) {
            CliRun r = CliRun.of(group);
            assertEquals(0, r.code(), group + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: genai " + group + " "), r.out());
            assertTrue(r.out().contains("Commands:"), r.out());
        }
    }
}
