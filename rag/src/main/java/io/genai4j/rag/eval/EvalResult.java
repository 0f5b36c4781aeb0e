package io.genai4j.rag.eval;

import java.util.List;

/**
 * The figures of one evaluation run.
 *
 * @param paragraphs documents in the corpus
 * @param questions  queries asked
 * @param methods    one row per retriever
 * @param indexing   one row per embedding model
 */
public record EvalResult(int paragraphs, int questions, List<Method> methods, List<Indexing> indexing) {

    /** A retriever's quality and its single-query latency (query embedding included; measured on a sample). */
    public record Method(String name, double recallAt1, double recallAt5, double recallAt10, double mrr, double p50Millis, double p99Millis) {}

    /** Building one model's index: chunks embedded and written per second, the size on disk. */
    public record Indexing(String model, int chunks, double seconds, double chunksPerSecond, long indexBytes) {}

    public Method method(String name) {
        for (Method m : methods) if (m.name().equals(name)) return m;
        throw new IllegalArgumentException("no method " + name + " in " + methods.stream().map(Method::name).toList());
    }
}
