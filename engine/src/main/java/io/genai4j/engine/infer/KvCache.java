package io.genai4j.engine.infer;

import io.genai4j.engine.DType;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;

/**
 * Keys and values of every layer for the positions processed so far, so that generation runs each
 * new token through the network once. Layer l holds K and V as [kvHeads, capacity, headDim] in F32
 * or F16 (half the memory, values rounded to 11 significant bits as llama.cpp's default cache);
 * capacity doubles as needed, up to the model's context length.
 *
 * <p>A cache belongs to one conversation (one {@link Session}) and is used by one thread at a time;
 * the model it serves holds none, so many caches share one loaded model.
 */
public final class KvCache {
    private final DType type;
    private final float[][] keys, values;         // F32
    private final short[][] halfKeys, halfValues; // F16
    private final int kvHeads, headDim, maxLength;
    private int capacity, length;

    /**
     * @param maxLength the model's context length
     * @param type      F32 or F16
     */
    public KvCache(int layers, int kvHeads, int headDim, int maxLength, int initialCapacity, DType type) {
        if (type != DType.F32 && type != DType.F16) throw new IllegalArgumentException("a KV cache holds F32 or F16, not " + type);
        this.type = type;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.maxLength = maxLength;
        boolean half = type == DType.F16;
        keys = half ? null : new float[layers][];
        values = half ? null : new float[layers][];
        halfKeys = half ? new short[layers][] : null;
        halfValues = half ? new short[layers][] : null;
        capacity = 0;
        reserve(Math.max(1, Math.min(initialCapacity, maxLength)));
    }

    /** Positions cached so far. */
    public int length() {
        return length;
    }

    /** The most positions this cache (the model's context) can hold. */
    public int maxLength() {
        return maxLength;
    }

    /** F32 or F16. */
    public DType dtype() {
        return type;
    }

    /** Positions the arrays hold before they grow. */
    int capacity() {
        return capacity;
    }

    /** Makes room for n positions (growing every layer at once, by doubling). */
    void reserve(int n) {
        if (n > maxLength) throw new IllegalArgumentException("context of " + n + " tokens exceeds the model's context length " + maxLength);
        if (n <= capacity) return;
        int grown = capacity == 0 ? n : Math.min(maxLength, Math.max(n, capacity * 2));
        int layers = type == DType.F16 ? halfKeys.length : keys.length;
        for (int l = 0; l < layers; l++) {
            if (type == DType.F16) {
                halfKeys[l] = regrow(halfKeys[l], grown);
                halfValues[l] = regrow(halfValues[l], grown);
            } else {
                keys[l] = regrow(keys[l], grown);
                values[l] = regrow(values[l], grown);
            }
        }
        capacity = grown;
    }

    private float[] regrow(float[] old, int cap) {
        float[] a = new float[kvHeads * cap * headDim];
        if (old != null) for (int h = 0; h < kvHeads; h++) System.arraycopy(old, h * capacity * headDim, a, h * cap * headDim, length * headDim);
        return a;
    }

    private short[] regrow(short[] old, int cap) {
        short[] a = new short[kvHeads * cap * headDim];
        if (old != null) for (int h = 0; h < kvHeads; h++) System.arraycopy(old, h * capacity * headDim, a, h * cap * headDim, length * headDim);
        return a;
    }

    /** Index of (head, position, 0) in a layer's array. */
    int index(int head, int pos) {
        return (head * capacity + pos) * headDim;
    }

    float[] keys(int layer) {
        return keys[layer];
    }

    float[] values(int layer) {
        return values[layer];
    }

    short[] halfKeys(int layer) {
        return halfKeys[layer];
    }

    short[] halfValues(int layer) {
        return halfValues[layer];
    }

    /** Stores one head's key and value (headDim floats each) at a position. */
    void put(int layer, int head, int pos, float[] k, int kOff, float[] v, int vOff) {
        int o = index(head, pos);
        if (type == DType.F16) {
            short[] hk = halfKeys[layer], hv = halfValues[layer];
            for (int i = 0; i < headDim; i++) {
                hk[o + i] = Float.floatToFloat16(k[kOff + i]);
                hv[o + i] = Float.floatToFloat16(v[vOff + i]);
            }
        } else {
            System.arraycopy(k, kOff, keys[layer], o, headDim);
            System.arraycopy(v, vOff, values[layer], o, headDim);
        }
    }

    /**
     * Stores k, v [1, kvHeads, T, headDim] of a layer at positions [length, length+T) and returns K
     * and V of positions [0, length+T) as [1, kvHeads, length+T, headDim] (views of an F32 cache,
     * widened copies of an F16 one). The modules' path (training, reference) stores through this.
     */
    public Tensor[] append(int layer, Tensor k, Tensor v) {
        int t = k.size(2);
        reserve(length + t);
        float[] kd = k.contiguous().toArray(), vd = v.contiguous().toArray();
        for (int h = 0; h < kvHeads; h++) {
            for (int s = 0; s < t; s++) put(layer, h, length + s, kd, (h * t + s) * headDim, vd, (h * t + s) * headDim);
        }
        return new Tensor[] {view(layer, true, length + t), view(layer, false, length + t)};
    }

    private Tensor view(int layer, boolean key, int n) {
        int[] shape = {1, kvHeads, n, headDim};
        if (type == DType.F32) {
            float[] a = key ? keys[layer] : values[layer];
            return new Tensor(new Storage.F32(a), shape, new int[] {kvHeads * capacity * headDim, capacity * headDim, headDim, 1}, 0);
        }
        short[] a = key ? halfKeys[layer] : halfValues[layer];
        float[] out = new float[kvHeads * n * headDim];
        for (int h = 0; h < kvHeads; h++) {
            for (int i = 0; i < n * headDim; i++) out[h * n * headDim + i] = Float.float16ToFloat(a[index(h, 0) + i]);
        }
        return Tensor.of(out, shape);
    }

    /** Called once per forward pass, after every layer appended its T positions. */
    public void advance(int t) {
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
