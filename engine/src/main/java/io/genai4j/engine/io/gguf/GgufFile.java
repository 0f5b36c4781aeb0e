package io.genai4j.engine.io.gguf;

import io.genai4j.engine.DType;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.HugePages;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open GGUF file (llama.cpp's model format), memory-mapped read-only through FFM. Opening parses
 * and validates the header only; tensors are slices of the mapping, so a multi-gigabyte model costs
 * no heap and pages in as kernels read it. {@link #close()} unmaps the file (every tensor handed out
 * becomes invalid; reading one then throws instead of touching unmapped memory).
 */
public final class GgufFile implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment mapping;
    private final GgufReader.Header header;
    private final Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();

    private GgufFile(Path path, Arena arena, MemorySegment mapping, GgufReader.Header header) {
        this.path = path;
        this.arena = arena;
        this.mapping = mapping;
        this.header = header;
        for (GgufTensorInfo t : header.tensors()) byName.put(t.name(), t);
    }

    /**
     * Maps and validates a GGUF file.
     *
     * @throws GgufException naming the file and the bad field if the file is malformed
     * @throws IOException if it cannot be read
     */
    public static GgufFile open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment mapping;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = ch.size();
                mapping = size == 0 ? MemorySegment.ofArray(new byte[0]) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            }
            HugePages.advise(mapping);
            MemorySegment ro = mapping.asReadOnly();
            return new GgufFile(path, arena, ro, GgufReader.read(path.toString(), ro));
        } catch (Throwable t) {
            arena.close();
            throw t;
        }
    }

    public Path path() {
        return path;
    }

    public int version() {
        return header.version();
    }

    public int alignment() {
        return header.alignment();
    }

    public GgufMetadata metadata() {
        return header.metadata();
    }

    /** Tensor infos in file order. */
    public List<GgufTensorInfo> tensors() {
        return header.tensors();
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public GgufTensorInfo info(String name) {
        GgufTensorInfo t = byName.get(name);
        if (t == null) throw new GgufException(path.toString(), "no tensor " + GgufReader.quote(name) + " (the file has " + byName.size() + " tensors)");
        return t;
    }

    /** The raw bytes of a tensor: a read-only slice of the mapping. */
    public MemorySegment data(String name) {
        GgufTensorInfo t = info(name);
        return mapping.asSlice(header.dataStart() + t.offset(), t.byteSize());
    }

    /**
     * The tensor as an engine tensor over the mapping (no copy), shape in row-major order (ne
     * reversed). Quantized tensors stay quantized; matmul and embedding lookups decode them.
     */
    public Tensor tensor(String name) {
        GgufTensorInfo t = info(name);
        DType d = t.type().dtype();
        if (d == null) {
            throw new GgufException(path.toString(), "tensor " + GgufReader.quote(name) + " has type " + t.type()
                    + ", which genai4j cannot compute with (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K, Q5_K, Q6_K)");
        }
        long[] s = t.shape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] > Integer.MAX_VALUE) throw new GgufException(path.toString(), "tensor " + GgufReader.quote(name) + " dimension " + s[i] + " is too large");
            shape[i] = (int) s[i];
        }
        Shape.numel(shape);   // a clear error past 2^31 elements
        return new Tensor(new Storage.Segment(data(name), d), shape, Shape.contiguousStrides(shape), 0);
    }

    /** The tensor, or null when the file has none of that name (optional weights such as biases). */
    public Tensor tensorOrNull(String name) {
        return has(name) ? tensor(name) : null;
    }

    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + ", v" + version() + ", " + tensors().size() + " tensors]";
    }
}
