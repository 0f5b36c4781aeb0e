package io.genai4j.text.prim;

import java.util.Arrays;

/** A growable {@code int[]}: token id streams and per-node columns are built without boxing. */
public final class IntArrayBuilder {
    private int[] data;
    private int size;

    public IntArrayBuilder() {
        this(16);
    }

    public IntArrayBuilder(int capacity) {
        data = new int[Math.max(1, capacity)];
    }

    public void add(int value) {
        if (size == data.length) data = Arrays.copyOf(data, Math.max(16, data.length + (data.length >> 1)));
        data[size++] = value;
    }

    public int get(int index) {
        return data[index];
    }

    public void set(int index, int value) {
        data[index] = value;
    }

    /** Adds {@code delta} to the element at {@code index}. */
    public void increment(int index, int delta) {
        data[index] += delta;
    }

    public int size() {
        return size;
    }

    /** Drops the elements from {@code newSize} on (a tokenizer taking back a word it could not finish). */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) throw new IndexOutOfBoundsException("truncate to " + newSize + " of " + size);
        size = newSize;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
