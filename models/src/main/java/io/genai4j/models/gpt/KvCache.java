package io.genai4j.models.gpt;

import io.genai4j.engine.Tensor;

/**
 * Keys and values of every layer for the positions seen so far, so that sampling runs each new
 * token through the network once instead of re-reading the whole context. Layer l holds
 * K, V as [B, H, capacity, D]; attention reads the first {@link #length()} positions as a view.
 */
public final class KvCache {
    private final Tensor[] keys, values;
    private final int capacity;
    private int length;

    public KvCache(GptConfig c, int batch) {
        this.capacity = c.blockSize();
        int d = c.nEmbd() / c.nHead();
        keys = new Tensor[c.nLayer()];
        values = new Tensor[c.nLayer()];
        for (int l = 0; l < c.nLayer(); l++) {
            keys[l] = Tensor.zeros(batch, c.nHead(), capacity, d);
            values[l] = Tensor.zeros(batch, c.nHead(), capacity, d);
        }
    }

    /** Positions cached so far. */
    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Stores k and v [B, H, T, D] of layer l at positions [length, length + T) and returns the
     * keys and values of positions [0, length + T) as views.
     */
    Tensor[] append(int layer, Tensor k, Tensor v) {
        int t = k.size(2);
        if (length + t > capacity) {
            throw new IllegalArgumentException("context of " + (length + t) + " tokens exceeds block_size " + capacity);
        }
        write(keys[layer], k);
        write(values[layer], v);
        return new Tensor[] {keys[layer].narrow(2, 0, length + t), values[layer].narrow(2, 0, length + t)};
    }

    private void write(Tensor cache, Tensor x) {
        Tensor slot = cache.narrow(2, length, x.size(2));
        io.genai4j.engine.kernels.Strided.copy(x.shape(), x.data(), x.offset(), x.strides(), cache.data(), slot.offset(), slot.strides());
    }

    /** Called once per forward pass, after every layer has appended its T new positions. */
    void advance(int t) {
        length += t;
    }

    /** Forgets everything (a new prompt). */
    public void clear() {
        length = 0;
    }
}
