package io.genai4j.engine.io.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;

/**
 * A GGUF metadata array: its element type, its length and its values. An array read from a file is
 * a view of the file's mapping: opening a file costs no heap for its arrays (a 100 MB array of
 * UINT8 would otherwise become 800 MB of long[]), and {@link #values()} decodes them on request.
 * An array made in code (for {@link GgufWriter}) holds a Java array.
 *
 * <p>{@link #values()} gives long[] for every integer type (unsigned 64-bit values keep their
 * bits), float[], double[], boolean[], String[], or GgufArray[] for nested arrays. Vocabularies are
 * arrays of 100k+ strings, hence primitive arrays.
 */
public final class GgufArray {
    private final GgufValueType elementType;
    private final int length;
    private final Object values;          // a Java array, or null for a view
    private final MemorySegment data;     // the elements' bytes in a file mapping, or null
    private final String source;

    /** An array of values held in memory: long[], float[], double[], boolean[], String[] or GgufArray[]. */
    public GgufArray(GgufValueType elementType, Object values) {
        if (values == null || !values.getClass().isArray()) throw new IllegalArgumentException("GGUF array values must be a Java array, got " + values);
        this.elementType = elementType;
        this.values = values;
        this.length = Array.getLength(values);
        this.data = null;
        this.source = null;
    }

    private GgufArray(String source, GgufValueType elementType, int length, MemorySegment data) {
        this.elementType = elementType;
        this.length = length;
        this.values = null;
        this.data = data;
        this.source = source;
    }

    /** A view of {@code length} elements whose bytes (already validated by the reader) are {@code data}. */
    static GgufArray view(String source, GgufValueType elementType, int length, MemorySegment data) {
        return new GgufArray(source, elementType, length, data);
    }

    public GgufValueType elementType() {
        return elementType;
    }

    public int length() {
        return length;
    }

    /**
     * The values as a Java array. A view decodes a fresh array on every call (so call it once), and
     * only while its file is open.
     */
    public Object values() {
        return values != null ? values : GgufReader.decodeArray(source, data, elementType, length);
    }

    /** The same array held in memory, independent of any file (for writing it after the file closes). */
    public GgufArray detached() {
        if (values != null) return this;
        Object v = values();
        if (v instanceof GgufArray[] nested) {
            GgufArray[] copy = new GgufArray[nested.length];
            for (int i = 0; i < nested.length; i++) copy[i] = nested[i].detached();
            v = copy;
        }
        return new GgufArray(elementType, v);
    }

    @Override
    public String toString() {
        return "array[" + elementType + ", " + length + "]";
    }
}
