package io.genai4j.rag.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RrfTest {
    @Test
    void scoresAreSumsOfReciprocalRanksByHand() {
        // a: 1/61 + 1/63; b: 1/62 + 1/61; c: 1/63; d: 1/62
        var fused = Rrf.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d", "a")), Function.identity());
        assertEquals(List.of("b", "a", "d", "c"), fused.stream().map(Rrf.Scored::item).toList());
        assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-15);
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get(1).score(), 1e-15);
        assertEquals(1.0 / 62, fused.get(2).score(), 1e-15);
        assertEquals(1.0 / 63, fused.get(3).score(), 1e-15);
    }

    @Test
    void anItemBothListsRankMiddlingBeatsOneOnlyOneListRanksFirst() {
        var fused = Rrf.fuse(List.of(List.of("x", "m", "y"), List.of("z", "m", "w")), Function.identity());
        assertEquals("m", fused.getFirst().item());
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearance() {
        var fused = Rrf.fuse(List.of(List.of("p"), List.of("q")), Function.identity());
        assertEquals(List.of("p", "q"), fused.stream().map(Rrf.Scored::item).toList());
    }
}
