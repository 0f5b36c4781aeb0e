package io.genai4j.llm.prompt;

import io.genai4j.models.bert.Pooling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The k examples whose inputs are most similar to the query (cosine of their embeddings). The pool
 * is embedded once, here; each query is embedded when asked. The nearest is shown last, next to the
 * query, where a decoder attends to it most.
 */
final class NearestExamples implements ExampleSelector {
    private final List<Example> pool;
    private final List<float[]> vectors = new ArrayList<>();
    private final Function<String, float[]> embed;

    NearestExamples(List<Example> pool, Function<String, float[]> embed) {
        this.pool = List.copyOf(pool);
        this.embed = embed;
        for (Example e : this.pool) vectors.add(embed.apply(e.input()));
    }

    @Override
    public List<Example> select(String query, int k) {
        float[] q = embed.apply(query);
        double[] sim = new double[pool.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            sim[i] = Pooling.cosine(q, vectors.get(i));
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -sim[i]).thenComparingInt(i -> i));
        List<Example> out = new ArrayList<>();
        for (int i = Math.min(k, order.size()) - 1; i >= 0; i--) out.add(pool.get(order.get(i)));
        return List.copyOf(out);
    }
}
