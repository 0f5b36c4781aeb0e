package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.engine.kernels.Parallel;
import org.junit.jupiter.api.Test;

/** {@code genai bench memory} and {@code genai bench kernels} end to end, on sizes small enough for a test. */
class BenchMemoryTest {
    @Test
    void memoryReportsCopyAndTriadPerThreadCountAndRestoresThePool() throws Exception {
        int before = Parallel.threads();
        CliRun r = CliRun.of("bench", "memory", "--threads", "1,2", "--mb", "2", "--repeats", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode res = r.json().get("results");
        assertEquals(2, res.size(), r.out());
        for (int i = 0; i < 2; i++) {
            assertEquals(i + 1, res.get(i).get("threads").asInt());
            assertTrue(res.get(i).get("copy_gbs").asDouble() > 0 && res.get(i).get("triad_gbs").asDouble() > 0, r.out());
        }
        assertEquals(before, Parallel.threads());
    }

    @Test
    void kernelsReportBytesPerSecondAgainstTriad() throws Exception {
        CliRun r = CliRun.of("bench", "kernels", "--types", "q4_0,Q6_K", "--shapes", "64x512", "--activations", "float,q8,bf16", "--threads", "1", "--mb", "1", "--stream-mb", "2",
                "--warmup-ms", "0", "--repeats", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode res = r.json().get("results");
        // q8 and bf16 activations give only Q4_0 a kernel of its own: Q6_K is measured once.
        assertEquals(4, res.size(), r.out());
        assertEquals("Q4_0 float", res.get(0).get("type").asText() + " " + res.get(0).get("activations").asText());
        assertEquals("Q4_0 q8", res.get(1).get("type").asText() + " " + res.get(1).get("activations").asText());
        assertEquals("Q4_0 bf16", res.get(2).get("type").asText() + " " + res.get(2).get("activations").asText());
        assertEquals("Q6_K float", res.get(3).get("type").asText() + " " + res.get(3).get("activations").asText());
        assertEquals(64, res.get(0).get("rows").asInt());
        assertEquals(512, res.get(0).get("cols").asInt());
        JsonNode q4 = res.get(0);
        double us = q4.get("us").asDouble();
        assertTrue(us > 0, r.out());
        assertEquals(us * 1000, q4.get("ns_per_row").asDouble() * 64, us * 10, r.out());
        assertTrue(q4.get("gbs").asDouble() >= 0 && q4.get("pct_of_triad").asDouble() >= 0, r.out());
        assertEquals(1, r.json().get("memory").size());
    }

    /** --inputs: a batched decoding step's few activation rows per call, or a prompt's block; one result per count, time per row and input. */
    @Test
    void kernelsMeasureSeveralInputsPerCall() throws Exception {
        CliRun r = CliRun.of("bench", "kernels", "--types", "Q8_0", "--shapes", "64x512", "--inputs", "1,4,16", "--threads", "1", "--mb", "1", "--stream-mb", "2",
                "--warmup-ms", "0", "--repeats", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode res = r.json().get("results");
        assertEquals(3, res.size(), r.out());
        for (int i = 0; i < 3; i++) {
            JsonNode row = res.get(i);
            int inputs = new int[] {1, 4, 16}[i];
            assertEquals(inputs, row.get("inputs").asInt(), r.out());
            assertEquals(row.get("ns_per_row").asDouble() / inputs, row.get("ns_per_row_input").asDouble(), 0.01 + 1e-3 * row.get("ns_per_row").asDouble(), r.out());
        }
        CliRun bad = CliRun.of("bench", "kernels", "--inputs", "513", "--mb", "1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--inputs: 513 is not 1..512"), bad.err());
    }

    @Test
    void badFlagsAreOneLineUserErrors() throws Exception {
        CliRun type = CliRun.of("bench", "kernels", "--types", "Q9_9", "--mb", "1");
        assertEquals(2, type.code(), type.err());
        assertTrue(type.err().contains("--types: unknown type 'Q9_9'"), type.err());
        CliRun shape = CliRun.of("bench", "kernels", "--types", "Q4_K", "--shapes", "64x100", "--threads", "1", "--mb", "1");
        assertEquals(2, shape.code(), shape.err());
        assertTrue(shape.err().contains("rows of 100 are not whole Q4_K blocks"), shape.err());
        CliRun act = CliRun.of("bench", "kernels", "--activations", "int4", "--mb", "1");
        assertEquals(2, act.code(), act.err());
        assertTrue(act.err().contains("--activations: unknown 'int4'"), act.err());
    }
}
