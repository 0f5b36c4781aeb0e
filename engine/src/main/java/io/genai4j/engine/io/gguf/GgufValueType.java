package io.genai4j.engine.io.gguf;

/** The metadata value types of GGUF (enum gguf_type), with the byte size of fixed-size ones. */
public enum GgufValueType {
    UINT8(0, 1), INT8(1, 1), UINT16(2, 2), INT16(3, 2), UINT32(4, 4), INT32(5, 4), FLOAT32(6, 4), BOOL(7, 1),
    STRING(8, -1), ARRAY(9, -1), UINT64(10, 8), INT64(11, 8), FLOAT64(12, 8);

    private final int id;
    private final int size;

    GgufValueType(int id, int size) {
        this.id = id;
        this.size = size;
    }

    public int id() {
        return id;
    }

    /** Bytes of one value, or -1 for strings and arrays (length-prefixed). */
    public int size() {
        return size;
    }

    /** The smallest number of bytes a value of this type can take (a string's length prefix...). */
    int minSize() {
        return size > 0 ? size : this == STRING ? 8 : 12;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64 && this != BOOL && this != STRING && this != ARRAY;
    }

    static GgufValueType byId(long id) {
        for (GgufValueType t : values()) if (t.id == id) return t;
        return null;
    }
}
