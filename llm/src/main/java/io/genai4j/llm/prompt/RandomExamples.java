package io.genai4j.llm.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k examples drawn at random without replacement (a partial Fisher–Yates shuffle). The generator is
 * seeded with the seed and the query's text, so each query gets its own draw and a rerun the same one.
 */
final class RandomExamples implements ExampleSelector {
    private final List<Example> pool;
    private final long seed;

    RandomExamples(List<Example> pool, long seed) {
        this.pool = List.copyOf(pool);
        this.seed = seed;
    }

    @Override
    public List<Example> select(String query, int k) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + query.hashCode());
        List<Example> a = new ArrayList<>(pool);
        int n = Math.min(k, a.size());
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(a.size() - i);
            Example t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }
        return List.copyOf(a.subList(0, n));
    }
}
