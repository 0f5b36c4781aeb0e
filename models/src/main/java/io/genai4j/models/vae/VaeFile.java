package io.genai4j.models.vae;

import io.genai4j.engine.Rng;
import io.genai4j.models.generative.ConvConfig;
import io.genai4j.models.generative.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A trained VAE in one safetensors file (see {@link ModelFile}). */
public final class VaeFile {
    public static final String FORMAT = "genai4j-vae";

    private VaeFile() {}

    public static void save(Path file, ConvVae vae, Map<String, Object> train) throws IOException {
        ModelFile.save(file, FORMAT, vae, vae.config.toMap(), train);
    }

    public static ConvVae load(Path file) throws IOException {
        return ModelFile.load(file, FORMAT, "train one with `genai vae train --out FILE`", h -> new ConvVae(ConvConfig.fromMap(h.config()), new Rng(0)));
    }
}
