package io.genai4j.llm.prompt;

import java.util.List;
import java.util.function.Function;

/**
 * Chooses the k demonstrations shown before a query. Which ones are shown is a measured choice
 * (the prompting lesson compares them): always the same, a random draw, or those nearest the query.
 */
public interface ExampleSelector {
    /** At most {@code k} examples for {@code query}, in the order they are shown (the last is closest to the query). */
    List<Example> select(String query, int k);

    /** The first k of the pool, whatever the query. */
    static ExampleSelector fixed(List<Example> pool) {
        List<Example> p = List.copyOf(pool);
        return (query, k) -> p.subList(0, Math.min(k, p.size()));
    }

    /** k drawn without replacement, a draw fixed by the seed and the query (a rerun shows the same examples). */
    static ExampleSelector random(List<Example> pool, long seed) {
        return new RandomExamples(pool, seed);
    }

    /** The k most similar to the query by cosine of {@code embed} (for example a BERT sentence encoder). */
    static ExampleSelector nearest(List<Example> pool, Function<String, float[]> embed) {
        return new NearestExamples(pool, embed);
    }
}
