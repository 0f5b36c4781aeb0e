package io.genai4j.rag.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MmrTest {
    static float[] unit(double... v) {
        double n = 0;
        for (double x : v) n += x * x;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / Math.sqrt(n));
        return out;
    }

    @Test
    void aNearDuplicateOfTheFirstPickGivesWayToOtherRelevantText() {
        float[] q = unit(1, 1, 0);
        float[] a = unit(1, 0.9, 0), dupOfA = unit(1, 0.88, 0), b = unit(0.6, 1, 0.4);
        List<float[]> c = List.of(a, dupOfA, b);
        assertEquals(List.of(0, 1, 2), Mmr.select(q, c, 3, 1.0));   // λ = 1: relevance order
        assertEquals(List.of(0, 2, 1), Mmr.select(q, c, 3, 0.5));   // the duplicate drops behind b
    }

    @Test
    void theFirstPickIsTheMostRelevantWhateverLambda() {
        float[] q = unit(0, 1);
        List<float[]> c = List.of(unit(1, 0.1), unit(0.2, 1), unit(1, 1));
        assertEquals(1, Mmr.select(q, c, 1, 0.1).getFirst());
    }

    @Test
    void lambdaOutsideTheUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Mmr.select(unit(1), List.of(unit(1)), 1, 1.5));
    }
}
