package io.genai4j.rag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankMetricsTest {
    @Test
    void recallAndMrrByHand() {
        RankMetrics m = new RankMetrics();
        m.add(List.of("a", "b"), "a");                                             // rank 1
        m.add(List.of("x", "y", "z", "w", "v", "u", "a"), "a");                   // rank 7
        m.add(List.of("x", "a"), "a");                                             // rank 2
        m.add(List.of("x", "y"), "a");                                             // missed
        assertEquals(0.25, m.recallAt1());
        assertEquals(0.5, m.recallAt5());
        assertEquals(0.75, m.recallAt10());
        assertEquals((1 + 1.0 / 7 + 0.5) / 4, m.mrr(), 1e-12);
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 100; i++) l.add(i * 1_000_000L);
        assertEquals(50.0, l.percentileMillis(50));
        assertEquals(99.0, l.percentileMillis(99));
        assertEquals(100.0, l.percentileMillis(100));
    }
}
