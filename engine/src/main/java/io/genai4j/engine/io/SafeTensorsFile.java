package io.genai4j.engine.io;

import io.genai4j.engine.quant.FloatDecoder;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open safetensors file, memory-mapped read-only. Tensor data is never copied unless asked for
 * ({@link #readF32}): {@link #data} returns a slice of the mapping, so opening a multi-gigabyte
 * checkpoint costs only the header parse.
 *
 * <p>The mapping belongs to a shared {@link Arena} owned by this object, so slices can be read from
 * any thread (kernels run on the engine's thread pool). {@link #close()} unmaps the file; after it,
 * every slice handed out becomes invalid and reading one throws IllegalStateException instead of
 * touching unmapped memory. The header accessors keep working after close.
 *
 * <p>As with any mapping, the file must not be truncated by another process while it is open:
 * reading a page past the new end faults in the JVM. {@link SafeTensors#write} never does this to
 * an existing file (it renames a new file over it, and the old mapping keeps the old bytes).
 */
public final class SafeTensorsFile implements AutoCloseable {

    private final Path path;
    private final Arena arena;
    private final MemorySegment mapping;
    private final SafeTensorsHeader header;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SafeTensorsFile(Path path, Arena arena, MemorySegment mapping, SafeTensorsHeader header) {
        this.path = path;
        this.arena = arena;
        this.mapping = mapping;
        this.header = header;
    }

    /** Maps and validates {@code path}; see {@link SafeTensors#open}. */
    static SafeTensorsFile open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment mapping;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = ch.size();
                // Mapping zero bytes is pointless and reading the prefix would fail anyway.
                mapping = size == 0 ? MemorySegment.ofArray(new byte[0])
                        : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            }
            HugePages.advise(mapping);
            // The mapping outlives the channel: closing a channel does not unmap.
            SafeTensorsHeader header = SafeTensorsHeader.read(path.toString(), mapping.asReadOnly());
            return new SafeTensorsFile(path, arena, mapping.asReadOnly(), header);
        } catch (Throwable t) {
            arena.close();
            throw t;
        }
    }

    /** The file this was opened from. */
    public Path path() {
        return path;
    }

    /** All tensors, ordered by their position in the data buffer (ties keep header order). */
    public List<TensorInfo> tensors() {
        return header.tensors();
    }

    /** Tensor names, in {@link #tensors()} order. */
    public List<String> names() {
        return header.names();
    }

    /** True if the file holds a tensor named {@code name}. */
    public boolean contains(String name) {
        return header.find(name) != null;
    }

    /**
     * The tensor named {@code name}.
     *
     * @throws IllegalArgumentException naming the missing tensor and listing some that exist
     */
    public TensorInfo info(String name) {
        TensorInfo t = header.find(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor " + SafeTensorsHeader.quoteSingle(name) + " in " + path
                    + "; it has " + describeNames());
        }
        return t;
    }

    /** The {@code __metadata__} strings in header order; empty if the file has none. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** The validated header (lengths and offsets). */
    public SafeTensorsHeader header() {
        return header;
    }

    /**
     * The raw little-endian bytes of a tensor: a read-only slice of the mapping, valid until
     * {@link #close()}. It is not necessarily aligned; read it with unaligned layouts.
     */
    public MemorySegment data(String name) {
        TensorInfo t = info(name);
        ensureOpen();
        return mapping.asSlice(header.dataStart() + t.begin(), t.byteSize());
    }

    /**
     * The tensor converted to floats (a copy), whatever its dtype: F32 as is, F16/BF16/F64 converted,
     * integers and BOOL by value (see {@link FloatDecoder}).
     *
     * @throws IllegalArgumentException if the tensor has more elements than a Java array can hold
     */
    public float[] readF32(String name) {
        TensorInfo t = info(name);
        long n = t.numel();
        if (n > FloatDecoder.MAX_ELEMENTS) {
            throw new IllegalArgumentException("tensor " + SafeTensorsHeader.quoteSingle(name) + " in " + path + " has "
                    + n + " elements, too many for a float[]; read it in parts through data(name)");
        }
        return FloatDecoder.decode(t.dtype(), data(name), n);
    }

    /** Unmaps the file. Idempotent. Slices from {@link #data} are invalid afterwards. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) arena.close();
    }

    private void ensureOpen() {
        if (closed.get()) throw new IllegalStateException(path + " is closed");
    }

    private String describeNames() {
        List<String> names = header.names();
        if (names.isEmpty()) return "no tensors";
        StringJoiner j = new StringJoiner(", ");
        int shown = Math.min(5, names.size());
        for (int i = 0; i < shown; i++) j.add(SafeTensorsHeader.quoteSingle(names.get(i)));
        String more = names.size() > shown ? ", ... (" + names.size() + " in all)" : "";
        return names.size() + " tensor" + (names.size() == 1 ? "" : "s") + ": " + j + more;
    }

    @Override
    public String toString() {
        return "SafeTensorsFile[" + path + ", " + header.tensors().size() + " tensors]";
    }
}
