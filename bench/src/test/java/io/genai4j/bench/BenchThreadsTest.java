package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.cli.CliRun;
import io.genai4j.engine.kernels.Parallel;
import org.junit.jupiter.api.Test;

/** --threads above the core count through a command (bench matmul): warned on stderr, still runs (moved from the CLI's ThreadsOptionTest). */
class BenchThreadsTest {
    @Test
    void commandsWarnOnStderrAndStillRun() throws Exception {
        int before = Parallel.threads(), cores = Runtime.getRuntime().availableProcessors();
        try {
            CliRun r = CliRun.of("bench", "matmul", "--m", "8", "--n", "8", "--k", "8", "--threads", "" + (cores + 1), "--warmup", "0", "--repeats", "1", "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("--threads " + (cores + 1) + " is more than the " + cores + " core"), r.err());
            assertEquals(cores + 1, r.json().get("threads").asInt());
            CliRun ok = CliRun.of("bench", "matmul", "--m", "8", "--n", "8", "--k", "8", "--threads", "1", "--warmup", "0", "--repeats", "1");
            assertFalse(ok.err().contains("warning"), ok.err());
        } finally {
            Parallel.setThreads(before);
        }
    }
    @Test
    void aThreadCountFromTheEnvironmentIsWarnedAboutToo() throws Exception {
        int before = Parallel.threads(), cores = Runtime.getRuntime().availableProcessors();
        try {
            Parallel.setThreads(cores + 2);   // what GENAI_THREADS=cores+2 does at start-up
            CliRun r = CliRun.of("bench", "matmul", "--m", "8", "--n", "8", "--k", "8", "--warmup", "0", "--repeats", "1", "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("GENAI_THREADS / -Dgenai.threads " + (cores + 2) + " is more than"), r.err());
        } finally {
            Parallel.setThreads(before);
        }
    }
}
