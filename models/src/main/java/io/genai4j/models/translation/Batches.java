package io.genai4j.models.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Training batches: each epoch the pairs are shuffled (seeded), cut into pools of 50 batches, each
 * pool sorted by length so a batch holds sentences of similar length (little padding), and the
 * batches of all pools shuffled again. The sentences are encoded once.
 */
public final class Batches {
    private final List<int[]> src = new ArrayList<>(), tgt = new ArrayList<>();
    private final SharedVocab vocab;
    private final int batchSize;
    private final Random rng;
    private List<Batch> epoch = List.of();
    private int next, epochs;

    public Batches(List<Pair> pairs, SharedVocab vocab, int batchSize, long seed) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (pairs.isEmpty()) throw new IllegalArgumentException("no training pairs");
        for (Pair p : pairs) {
            src.add(vocab.encode(p.source()));
            tgt.add(vocab.encode(p.target()));
        }
        this.vocab = vocab;
        this.batchSize = batchSize;
        this.rng = new Random(seed);
    }

    /** The next batch (a new epoch starts when one runs out). */
    public Batch next() {
        if (next == epoch.size()) {
            epoch = shuffle();
            next = 0;
            epochs++;
        }
        return epoch.get(next++);
    }

    /** Fraction of epochs done so far. */
    public double epochsDone() {
        return epoch.isEmpty() ? 0 : epochs - 1 + (double) next / epoch.size();
    }

    private List<Batch> shuffle() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < src.size(); i++) order.add(i);
        Collections.shuffle(order, rng);
        List<Batch> out = new ArrayList<>();
        int pool = batchSize * 50;
        for (int p = 0; p < order.size(); p += pool) {
            List<Integer> chunk = new ArrayList<>(order.subList(p, Math.min(order.size(), p + pool)));
            chunk.sort(Comparator.comparingInt((Integer i) -> src.get(i).length).thenComparingInt(i -> tgt.get(i).length));
            for (int q = 0; q < chunk.size(); q += batchSize) {
                List<int[]> s = new ArrayList<>(), t = new ArrayList<>();
                for (int i : chunk.subList(q, Math.min(chunk.size(), q + batchSize))) {
                    s.add(src.get(i));
                    t.add(tgt.get(i));
                }
                out.add(Batch.of(s, t, vocab));
            }
        }
        Collections.shuffle(out, rng);
        return out;
    }

    /** Fixed batches over pairs in their order (validation loss). */
    public static List<Batch> fixed(List<Pair> pairs, SharedVocab vocab, int batchSize) {
        List<Batch> out = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p += batchSize) {
            List<int[]> s = new ArrayList<>(), t = new ArrayList<>();
            for (Pair q : pairs.subList(p, Math.min(pairs.size(), p + batchSize))) {
                s.add(vocab.encode(q.source()));
                t.add(vocab.encode(q.target()));
            }
            out.add(Batch.of(s, t, vocab));
        }
        return out;
    }
}
