package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Strided;

/**
 * Keys and values of every layer for the positions processed so far, so that generation runs each
 * new token through the network once. Layer l holds K and V as [1, kvHeads, capacity, headDim];
 * capacity doubles as needed, up to the model's context length.
 */
public final class KvCache {
    private final Tensor[] keys, values;
    private final int kvHeads, headDim, maxLength;
    private int length;

    public KvCache(LlamaConfig c, int initialCapacity) {
        this.kvHeads = c.kvHeads();
        this.headDim = c.headDim();
        this.maxLength = c.contextLength();
        keys = new Tensor[c.layers()];
        values = new Tensor[c.layers()];
        int cap = Math.max(1, Math.min(initialCapacity, maxLength));
        for (int l = 0; l < keys.length; l++) {
            keys[l] = Tensor.zeros(1, kvHeads, cap, headDim);
            values[l] = Tensor.zeros(1, kvHeads, cap, headDim);
        }
    }

    /** Positions cached so far. */
    public int length() {
        return length;
    }

    /** The most positions this cache (the model's context) can hold. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Stores k, v [1, kvHeads, T, headDim] of a layer at positions [length, length+T) and returns K
     * and V of positions [0, length+T) as views.
     */
    Tensor[] append(int layer, Tensor k, Tensor v) {
        int t = k.size(2);
        if (length + t > maxLength) {
            throw new IllegalArgumentException("context of " + (length + t) + " tokens exceeds the model's context length " + maxLength);
        }
        int cap = keys[layer].size(2);
        if (length + t > cap) {
            int grown = Math.min(maxLength, Math.max(length + t, cap * 2));
            keys[layer] = grow(keys[layer], grown);
            values[layer] = grow(values[layer], grown);
        }
        write(keys[layer], k);
        write(values[layer], v);
        return new Tensor[] {keys[layer].narrow(2, 0, length + t), values[layer].narrow(2, 0, length + t)};
    }

    private Tensor grow(Tensor old, int capacity) {
        Tensor bigger = Tensor.zeros(1, kvHeads, capacity, headDim);
        Tensor slot = bigger.narrow(2, 0, length);
        Tensor src = old.narrow(2, 0, length);
        Strided.copy(src.shape(), src.data(), src.offset(), src.strides(), bigger.data(), slot.offset(), slot.strides());
        return bigger;
    }

    private void write(Tensor cache, Tensor x) {
        Tensor slot = cache.narrow(2, length, x.size(2));
        Tensor xc = x;
        Strided.copy(xc.shape(), xc.data(), xc.offset(), xc.strides(), cache.data(), slot.offset(), slot.strides());
    }

    /** Called once per forward pass, after every layer appended its T positions. */
    void advance(int t) {
        length += t;
    }

    /** Forgets positions from n on (n = 0: a new conversation). */
    public void truncate(int n) {
        if (n < 0 || n > length) throw new IllegalArgumentException("cannot truncate a cache of " + length + " positions to " + n);
        length = n;
    }

    public void clear() {
        length = 0;
    }
}
