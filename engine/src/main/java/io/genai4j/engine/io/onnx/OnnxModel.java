package io.genai4j.engine.io.onnx;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * An ONNX file (ModelProto): IR version, producer, opset versions and the graph. Opened from a
 * path the file is memory-mapped, and initializers stored as raw_data stay slices of the mapping
 * until converted; {@link #close()} unmaps it (then convert no more tensors).
 */
public final class OnnxModel implements AutoCloseable {
    private final long irVersion;
    private final String producer;
    private final Map<String, Long> opsets;
    private final OnnxGraph graph;
    private final Arena arena;

    OnnxModel(long irVersion, String producer, Map<String, Long> opsets, OnnxGraph graph, Arena arena) {
        this.irVersion = irVersion;
        this.producer = producer;
        this.opsets = opsets;
        this.graph = graph;
        this.arena = arena;
    }

    /** Maps and decodes an .onnx file. */
    public static OnnxModel open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena).asReadOnly();
            return OnnxParser.parse(seg, arena);
        } catch (OnnxException e) {
            arena.close();
            throw new OnnxException(path + ": " + e.getMessage());
        } catch (Throwable t) {
            arena.close();
            throw t;
        }
    }

    /** Decodes a ModelProto held in memory (tests, embedded models). */
    public static OnnxModel parse(byte[] bytes) {
        return OnnxParser.parse(MemorySegment.ofArray(bytes).asReadOnly(), null);
    }

    public long irVersion() {
        return irVersion;
    }

    public String producer() {
        return producer;
    }

    /** Operator set versions by domain ("" is the default ONNX domain). */
    public Map<String, Long> opsets() {
        return opsets;
    }

    public OnnxGraph graph() {
        return graph;
    }

    @Override
    public void close() {
        if (arena != null) arena.close();
    }
}
