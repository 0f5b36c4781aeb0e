package io.genai4j.text.prim;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values, with no
 * boxing. Counting n-grams and looking up BPE merges are hot loops over millions of keys; a
 * {@code HashMap<Long,Integer>} would allocate an object per entry and per lookup.
 *
 * <p>Linear probing over a power-of-two table kept at most half full; {@code -1} in the value array
 * marks an empty slot, which is why values must be {@code >= 0}.
 */
public final class LongIntMap {
    /** Returned by {@link #get} for a key that is not in the map. */
    public static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    public LongIntMap() {
        this(16);
    }

    public LongIntMap(int expectedSize) {
        int cap = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        allocate(cap);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        mask = capacity - 1;
    }

    /** A strong 64-bit mix (the murmur3 finalizer): packed keys differ mostly in their low bits. */
    private static int slot(long key, int mask) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return (int) key & mask;
    }

    public int size() {
        return size;
    }

    /** The value stored for {@code key}, or {@link #ABSENT}. */
    public int get(long key) {
        int i = slot(key, mask);
        while (true) {
            int v = values[i];
            if (v == ABSENT) return ABSENT;
            if (keys[i] == key) return v;
            i = (i + 1) & mask;
        }
    }

    /** Stores {@code value} for {@code key}, replacing any previous value. */
    public void put(long key, int value) {
        int existing = putIfAbsent(key, value);
        if (existing != ABSENT) values[find(key)] = value;
    }

    /**
     * Stores {@code value} if the key is new and returns {@link #ABSENT}; otherwise leaves the map
     * unchanged and returns the value already stored. One probe sequence for "get or insert".
     */
    public int putIfAbsent(long key, int value) {
        if (value < 0) throw new IllegalArgumentException("LongIntMap values must be >= 0, got " + value);
        int i = slot(key, mask);
        while (true) {
            int v = values[i];
            if (v == ABSENT) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) grow();
                return ABSENT;
            }
            if (keys[i] == key) return v;
            i = (i + 1) & mask;
        }
    }

    private int find(long key) {
        int i = slot(key, mask);
        while (keys[i] != key || values[i] == ABSENT) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] == ABSENT) continue;
            int i = slot(oldKeys[j], mask);
            while (values[i] != ABSENT) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }

    /** Packs two non-negative ints into one key: the usual key for a (context, token) pair. */
    public static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }
}
