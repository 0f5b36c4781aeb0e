package io.genai4j.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point for the safetensors format (Hugging Face's tensor checkpoint layout): an 8-byte
 * little-endian header length N, N bytes of JSON mapping tensor names to
 * {@code {"dtype", "shape", "data_offsets"}} plus an optional {@code "__metadata__"} string map, then
 * the raw little-endian tensor bytes.
 *
 * <p>Reading maps the file and validates the whole header before returning; see
 * {@link SafeTensorsHeader} for what is accepted. Writing reproduces Hugging Face's layout; see
 * {@link SafeTensorsWriter}.
 */
public final class SafeTensors {

    private SafeTensors() {}

    /**
     * Opens and memory-maps a safetensors file. Close the result to unmap it.
     *
     * @throws SafeTensorsException if the file is malformed (the message names the file and problem)
     * @throws IOException if the file cannot be read
     */
    public static SafeTensorsFile open(Path path) throws IOException {
        return SafeTensorsFile.open(path);
    }

    /**
     * Writes {@code entries} and {@code metadata} (may be null) to {@code path} atomically, replacing
     * any existing file only once the new one is complete on disk.
     *
     * @throws IllegalArgumentException on duplicate tensor names, null metadata keys or values, or a
     *     header above the format's size limit (data size mismatches are caught by {@link WriteEntry})
     * @throws IOException if writing fails; an existing file at {@code path} is then left unchanged
     */
    public static void write(Path path, List<WriteEntry> entries, Map<String, String> metadata) throws IOException {
        SafeTensorsWriter.write(path, entries, metadata);
    }
}
