package io.genai4j.rag.retrieve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009):
 * <pre>  RRF(d) = Σ_r 1 / (c + rank_r(d))      rank from 1; c = 60 as in the paper</pre>
 * Only ranks count, so BM25 scores and cosines never have to be put on one scale. Ties keep the
 * order of first appearance (earlier rankings first).
 */
public final class Rrf {
    public static final int C = 60;

    private Rrf() {}

    /** The items of all rankings, best fused score first, each once (identified by key). */
    public static <T> List<Scored<T>> fuse(List<List<T>> rankings, Function<T, String> key) {
        Map<String, Scored<T>> acc = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int r = 0; r < ranking.size(); r++) {
                T item = ranking.get(r);
                double add = 1.0 / (C + r + 1);
                acc.merge(key.apply(item), new Scored<>(item, add), (a, b) -> new Scored<>(a.item(), a.score() + b.score()));
            }
        }
        List<Scored<T>> out = new ArrayList<>(acc.values());
        out.sort((a, b) -> Double.compare(b.score(), a.score()));   // stable: ties keep first appearance
        return out;
    }

    public record Scored<T>(T item, double score) {}
}
