package io.genai4j.engine.io.gguf;

import java.lang.reflect.Array;

/**
 * A GGUF metadata array: its element type and the values as a Java array — long[] for every
 * integer type (unsigned 64-bit values keep their bits), float[], double[], boolean[], String[], or
 * GgufArray[] for nested arrays. Vocabularies are arrays of 100k+ strings, hence primitive arrays.
 */
public record GgufArray(GgufValueType elementType, Object values) {

    public int length() {
        return Array.getLength(values);
    }

    @Override
    public String toString() {
        return "array[" + elementType + ", " + length() + "]";
    }
}
