package io.genai4j.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExampleSelectorTest {
    static final List<Example> POOL = IntStream.range(0, 20).mapToObj(i -> new Example("x" + i, "y" + i)).toList();

    @Test
    void fixedIsThePoolsFirstKWhateverTheQuery() {
        ExampleSelector s = ExampleSelector.fixed(POOL);
        assertEquals(POOL.subList(0, 3), s.select("anything", 3));
        assertEquals(POOL.subList(0, 3), s.select("else", 3));
        assertEquals(POOL, s.select("all", 99));
    }

    @Test
    void randomDrawsDistinctExamplesRepeatablyPerQueryAndCoversThePool() {
        ExampleSelector s = ExampleSelector.random(POOL, 7);
        List<Example> a = s.select("q1", 5);
        assertEquals(5, new HashSet<>(a).size());
        assertEquals(a, ExampleSelector.random(POOL, 7).select("q1", 5));
        assertNotEquals(a, s.select("q2", 5));
        assertNotEquals(a, ExampleSelector.random(POOL, 8).select("q1", 5));
        var seen = new HashSet<Example>();
        for (int q = 0; q < 200; q++) seen.addAll(s.select("q" + q, 2));
        assertEquals(POOL.size(), seen.size(), "every example is drawn sometimes");
    }

    @Test
    void nearestPicksTheMostSimilarByCosineAndShowsTheNearestLast() {
        // a 2-d embedding: the angle of example i is i degrees, the query's is 10.2 degrees
        Function<String, float[]> angle = text -> {
            double deg = Double.parseDouble(text.substring(1));
            return new float[] {(float) Math.cos(Math.toRadians(deg)), (float) Math.sin(Math.toRadians(deg))};
        };
        int[] calls = {0};
        ExampleSelector s = ExampleSelector.nearest(POOL, t -> {
            calls[0]++;
            return angle.apply(t);
        });
        assertEquals(POOL.size(), calls[0], "the pool is embedded once, up front");
        assertEquals(List.of(POOL.get(12), POOL.get(9), POOL.get(11), POOL.get(10)), s.select("q10.2", 4));
        assertEquals(POOL.size() + 1, calls[0], "then one embedding per query");
    }
}
