package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face checkpoint directory's tensors: model.safetensors, or the shards listed in
 * model.safetensors.index.json, memory-mapped. GPT-2's Conv1D weights are stored [in, out]; they are
 * transposed (copied) to the [out, in] of every other Linear.
 */
final class SafetensorsWeights implements WeightSource, AutoCloseable {
    private final List<SafeTensorsFile> files = new ArrayList<>();
    private final Map<String, Tensor> tensors = new HashMap<>();
    private final boolean gpt2;

    SafetensorsWeights(Path dir, boolean gpt2) throws IOException {
        this.gpt2 = gpt2;
        LinkedHashSet<String> shards = new LinkedHashSet<>();
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            if (!(Json.parse(Files.readAllBytes(index)) instanceof Map<?, ?> root) || !(root.get("weight_map") instanceof Map<?, ?> wm)) {
                throw new IllegalArgumentException(index + ": expected an object with a weight_map");
            }
            for (Object v : wm.values()) shards.add(String.valueOf(v));
        } else if (Files.isRegularFile(dir.resolve("model.safetensors"))) {
            shards.add("model.safetensors");
        } else {
            throw new NoSuchFileException(dir + ": no model.safetensors or model.safetensors.index.json");
        }
        try {
            for (String s : shards) {
                Path p = dir.resolve(s).normalize();
                if (!p.startsWith(dir.normalize())) throw new IllegalArgumentException(index + ": shard '" + Printable.of(s) + "' lies outside the model directory");
                SafeTensorsFile f = SafeTensors.open(p);
                files.add(f);
                tensors.putAll(Checkpoints.mapped(f));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Tensor optional(String name) {
        Tensor t = tensors.get(name);
        if (t == null && gpt2 && name.startsWith("transformer.")) t = tensors.get(name.substring("transformer.".length()));
        if (t != null && gpt2 && GgufNames.isGpt2Conv1D(name)) t = t.to(DType.F32).mT().contiguous();
        return t;
    }

    @Override
    public void close() {
        for (SafeTensorsFile f : files) {
            try {
                f.close();
            } catch (Exception ignored) {
                // closing a mapping cannot fail in a way the caller could act on
            }
        }
    }
}
