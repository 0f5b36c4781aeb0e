package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.io.TensorInfo;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a Hugging Face BERT-family checkpoint folder: config.json and model.safetensors with HF
 * names ({@code encoder.layer.0.attention.self.query.weight}, stored [out, in] as our Linear wants).
 * Checkpoints of task models prefix the encoder with "bert." and add a pooler and heads: the prefix
 * is stripped and the extras are ignored.
 */
public final class HfBert {
    private HfBert() {}

    @SuppressWarnings("unchecked")
    public static BertModel load(Path dir) throws IOException {
        Path cfg = dir.resolve("config.json"), weights = dir.resolve("model.safetensors");
        if (!Files.isRegularFile(cfg)) throw new IOException(dir + " has no config.json (expected a Hugging Face model folder)");
        if (!Files.isRegularFile(weights)) throw new IOException(dir + " has no model.safetensors (pytorch_model.bin is not supported: convert it to safetensors)");
        BertConfig config;
        try {
            if (!(Json.parse(Files.readAllBytes(cfg)) instanceof Map<?, ?> json)) throw new IllegalArgumentException("not a JSON object");
            config = BertConfig.fromHf((Map<String, Object>) json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cfg + ": " + e.getMessage(), e);
        }
        try (SafeTensorsFile f = SafeTensors.open(weights)) {
            String prefix = f.contains("embeddings.word_embeddings.weight") ? "" : f.contains("bert.embeddings.word_embeddings.weight") ? "bert." : null;
            if (prefix == null) throw new IllegalArgumentException(weights + " holds no BERT embeddings (embeddings.word_embeddings.weight)");
            long values = 0;
            for (TensorInfo t : f.tensors()) values += t.numel();
            WeightLoading.requireValues(config, values, weights.toString());
            BertModel model = new BertModel(config, new Rng(0));
            WeightLoading.load(model, weights.toString(), name -> {
                String key = prefix + name;
                if (!f.contains(key)) return null;
                long[] shape = f.info(key).shape();
                long[] want = Arrays.stream(model.stateDict().get(name).shape()).asLongStream().toArray();
                if (!Arrays.equals(shape, want)) {
                    throw new IllegalArgumentException(weights + ": " + Printable.of(key) + " has shape " + Arrays.toString(shape) + ", config.json implies " + Arrays.toString(want));
                }
                Supplier<float[]> s = () -> f.readF32(key);
                return s;
            });
            return model.prepareInference();
        }
    }
}
