package io.genai4j.engine.io;

import io.genai4j.engine.DType;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named tensors to and from safetensors files (Hugging Face layout), atomically written. */
public final class Checkpoints {
    private Checkpoints() {}

    /** Writes tensors (F32, or F16/BF16 storage) with optional string metadata; atomic (temp + rename). */
    public static void save(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        List<WriteEntry> entries = new ArrayList<>();
        for (var e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long[] shape = longs(t.shape());
            if (t.storage() instanceof Storage.Half h && t.isContiguous() && t.offset() == 0 && h.data().length == t.numel()) {
                byte[] raw = new byte[2 * h.data().length];
                for (int i = 0; i < h.data().length; i++) {
                    raw[2 * i] = (byte) h.data()[i];
                    raw[2 * i + 1] = (byte) (h.data()[i] >> 8);
                }
                entries.add(WriteEntry.ofBytes(e.getKey(), h.dtype(), shape, raw));
            } else {
                entries.add(WriteEntry.ofFloats(e.getKey(), DType.F32, shape, t.to(DType.F32).toArray()));
            }
        }
        SafeTensors.write(file, entries, metadata);
    }

    /**
     * Rewrites a safetensors file with its floating-point tensors (F32, F16, BF16) stored as
     * {@code type} and everything else (integer buffers, metadata) kept byte for byte; atomic.
     * Used to ship checkpoints at half their size: loading converts back to F32.
     */
    public static void convertFloats(Path in, Path out, DType type) throws IOException {
        if (type != DType.F32 && type != DType.F16 && type != DType.BF16) {
            throw new IllegalArgumentException("cannot store weights as " + type + " (use F32, F16 or BF16)");
        }
        List<WriteEntry> entries = new ArrayList<>();
        Map<String, String> metadata;
        try (SafeTensorsFile f = SafeTensors.open(in)) {
            metadata = f.metadata();
            for (TensorInfo info : f.tensors()) {
                DType d = info.dtype();
                boolean floats = d == DType.F32 || d == DType.F16 || d == DType.BF16;
                entries.add(floats ? WriteEntry.ofFloats(info.name(), type, info.shape(), f.readF32(info.name()))
                        : WriteEntry.ofBytes(info.name(), d, info.shape(), f.data(info.name()).toArray(ValueLayout.JAVA_BYTE)));
            }
        }
        SafeTensors.write(out, entries, metadata);
    }

    /** Reads every tensor as an F32 heap tensor (the file is closed afterwards). */
    public static Map<String, Tensor> load(Path file) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (SafeTensorsFile f = SafeTensors.open(file)) {
            for (TensorInfo info : f.tensors()) out.put(info.name(), Tensor.of(f.readF32(info.name()), ints(info, file)));
        }
        return out;
    }

    /** Reads the metadata of a safetensors file. */
    public static Map<String, String> metadata(Path file) throws IOException {
        try (SafeTensorsFile f = SafeTensors.open(file)) {
            return f.metadata();
        }
    }

    /**
     * A metadata field that holds JSON (a model's config, how it was trained), parsed; a missing or
     * unparseable field is one clear error naming the file (or source) and the field, since the
     * metadata of a checkpoint may have been edited by hand.
     */
    public static Object metadataJson(Map<String, String> metadata, String key, String source) {
        String v = metadata.get(key);
        if (v == null) throw new IllegalArgumentException(source + ": metadata field '" + key + "' is missing");
        try {
            return Json.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": metadata field '" + key + "' is not valid JSON: "
                    + Printable.of(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Tensors backed directly by the memory-mapped file (no copy; valid until the file is closed):
     * how large weights are used without a second copy on the heap.
     */
    public static Map<String, Tensor> mapped(SafeTensorsFile f) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (TensorInfo info : f.tensors()) {
            int[] shape = ints(info, f.path());
            out.put(info.name(), new Tensor(new Storage.Segment(f.data(info.name()), info.dtype()), shape, Shape.contiguousStrides(shape), 0));
        }
        return out;
    }

    private static long[] longs(int[] s) {
        long[] l = new long[s.length];
        for (int i = 0; i < s.length; i++) l[i] = s[i];
        return l;
    }

    private static int[] ints(TensorInfo info, Path file) {
        long[] s = info.shape();
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] > Integer.MAX_VALUE) throw new IllegalArgumentException(file + ": tensor '" + info.name() + "' dimension " + s[i] + " is too large");
            out[i] = (int) s[i];
        }
        Shape.numel(out);   // a clear error if the tensor exceeds 2^31 elements
        return out;
    }
}
