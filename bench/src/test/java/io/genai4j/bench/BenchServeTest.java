package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.bench.fleet.Nginx;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two genai serve processes behind a real nginx: the load spreads over both, and when one is killed
 * halfway through a round, retrying clients lose no request. Two JVMs loading a model take a minute
 * or two on a busy machine, so the test runs on request ({@code -Dgenai.fleet=true}) and where nginx
 * is installed (bench/scripts/install-nginx.sh).
 */
@EnabledIfSystemProperty(named = "genai.fleet", matches = "true")
class BenchServeTest {
    @TempDir
    Path tmp;

    @Test
    void twoReplicasBehindNginxShareTheLoadAndSurviveAKill() throws Exception {
        assumeTrue(Nginx.binary() != null, "nginx is not installed");
        Path gguf = TestData.tinyGguf(tmp, "f32");
        CliRun r = CliRun.of("bench", "serve", gguf.toString(), "--streams", "2", "--requests", "3", "--max-tokens", "4", "--parallel", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(0, j.get("rounds").get(0).get("lost").asInt(), r.err());
        for (JsonNode n : j.get("answered_per_replica")) assertTrue(n.asLong() > 0, "both replicas answered: " + j.get("answered_per_replica"));
        JsonNode rss = j.get("rss_runs");
        assertEquals(2, rss.size(), "two runs in a row, each with every replica's memory");
        for (JsonNode run : rss) {
            assertEquals(0, run.get("lost").asInt());
            for (int i = 0; i < 2; i++) {
                long peak = run.get("peak_rss_bytes").get(i).asLong(), now = run.get("rss_bytes").get(i).asLong();
                assertTrue(now > 0 && peak >= now, run.toString());
            }
        }
        JsonNode f = j.get("failover");
        assertEquals(6, f.get("requests").asInt());
        assertEquals(0, f.get("lost").asInt(), "retrying clients lose nothing: " + r.err());
        assertEquals(-1, f.get("peak_rss_bytes").get(0).asLong(), "the first replica was killed");
    }
}
