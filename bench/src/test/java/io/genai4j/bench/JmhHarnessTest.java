package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.bench.jmh.GemmBenchmark;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JMH benchmarks are compiled with their harness: org.openjdk.jmh.Main finds them by this list. */
class JmhHarnessTest {
    @Test
    void benchmarkListNamesGemmBenchmark() throws Exception {
        try (InputStream in = GemmBenchmark.class.getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertNotNull(in, "META-INF/BenchmarkList missing: JMH's annotation processor did not run");
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(list.contains("io.genai4j.bench.jmh.jmh_generated.GemmBenchmark_sgemm_jmhTest"), list);
        }
    }
}
