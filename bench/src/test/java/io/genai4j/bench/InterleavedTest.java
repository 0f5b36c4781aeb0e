package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Interleaved}: the order alternates A B, B A, ...; each side's seconds add up; no peer, only ours. */
class InterleavedTest {
    @Test
    void roundsAlternateTheOrderAndSumEachSide() throws Exception {
        List<String> order = new ArrayList<>();
        Interleaved t = new Interleaved();
        for (int r = 0; r < 4; r++) t.round(r, () -> { order.add("A"); return 1.5; }, () -> { order.add("B"); return 0.25; });
        assertEquals(List.of("A", "B", "B", "A", "A", "B", "B", "A"), order);
        assertEquals(6.0, t.ours());
        assertEquals(1.0, t.peer());
    }

    @Test
    void withoutAPeerOnlyOurSideRuns() throws Exception {
        Interleaved t = new Interleaved();
        for (int r = 0; r < 3; r++) t.round(r, () -> 2.0, null);
        assertEquals(6.0, t.ours());
        assertEquals(0.0, t.peer());
        assertEquals(0.75, Interleaved.sum(new double[] {0.25, 0.5}));
    }
}
