package io.genai4j.engine.infer;

import java.util.List;
import java.util.function.Function;

/**
 * The t rows of one pass through the layers and where each belongs: either t consecutive positions
 * of one session (a prompt, or one token), or one new token of each of t sessions (a batched decode
 * step), each at its own position in its own KV cache and with its own LoRA side paths. The weight
 * matrices see t rows either way; only the cache writes, attention and the side paths look here.
 */
final class PassRows {
    final int t;
    private final KvCache cache;          // one session: its cache
    private final int start;              //   and the position of row 0
    private final KvCache[] caches;       // a batch: row s's cache
    private final int[] positions;        //   and position
    private final PlanAdapters shared;    // one session: its adapters (null: none)
    private final PlanAdapters[] own;     // a batch: row s's adapters (entries may be null)

    private PassRows(int t, KvCache cache, int start, KvCache[] caches, int[] positions, PlanAdapters shared, PlanAdapters[] own) {
        this.t = t;
        this.cache = cache;
        this.start = start;
        this.caches = caches;
        this.positions = positions;
        this.shared = shared;
        this.own = own;
    }

    /** t positions of one session, from its cache's length on. */
    static PassRows session(KvCache cache, int t, PlanAdapters adapters) {
        return new PassRows(t, cache, cache.length(), null, null, adapters, null);
    }

    /** One new token per session, each at its cache's length. */
    static PassRows batch(KvCache[] caches, PlanAdapters[] adapters) {
        int[] positions = new int[caches.length];
        for (int s = 0; s < caches.length; s++) positions[s] = caches[s].length();
        return new PassRows(caches.length, null, 0, caches.clone(), positions, null, adapters.clone());
    }

    /** True for one token of each of several sessions. */
    boolean batched() {
        return caches != null;
    }

    KvCache cache(int s) {
        return caches == null ? cache : caches[s];
    }

    int position(int s) {
        return caches == null ? start + s : positions[s];
    }

    /** Makes room in each cache for this pass's rows. */
    void reserve() {
        if (caches == null) cache.reserve(start + t);
        else for (int s = 0; s < t; s++) caches[s].reserve(positions[s] + 1);
    }

    /** Called after every layer stored its keys and values: the caches now hold this pass's rows. */
    void advance() {
        if (caches == null) cache.advance(t);
        else for (KvCache c : caches) c.advance(1);
    }

    /**
     * Adds the LoRA side paths of one group of a layer: x holds the rows of the group's input (width
     * in), y its output rows of yStride. A session's paths run over all its rows at once; in a batch
     * each row takes its own session's paths.
     */
    void addSide(int layer, Function<PlanAdapters.Layer, List<LowRank>> group, float[] x, int in, float[] y, int yStride) {
        if (caches == null) {
            if (shared != null) for (LowRank s : group.apply(shared.layers().get(layer))) s.addTo(x, 0, t, y, 0, yStride);
            return;
        }
        for (int r = 0; r < t; r++) {
            if (own[r] == null) continue;
            for (LowRank s : group.apply(own[r].layers().get(layer))) s.addTo(x, r * in, 1, y, r * yStride, yStride);
        }
    }
}
