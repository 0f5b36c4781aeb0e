package io.genai4j.models.gan;

import io.genai4j.engine.Rng;
import io.genai4j.models.generative.ConvConfig;
import io.genai4j.models.generative.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A trained GAN (generator and discriminator) in one safetensors file (see {@link ModelFile}). */
public final class GanFile {
    public static final String FORMAT = "genai4j-gan";

    private GanFile() {}

    public static void save(Path file, Gan gan, Map<String, Object> train) throws IOException {
        ModelFile.save(file, FORMAT, gan, gan.config.toMap(), train);
    }

    public static Gan load(Path file) throws IOException {
        return ModelFile.load(file, FORMAT, "train one with `genai gan train --out FILE`", h -> new Gan(ConvConfig.fromMap(h.config()), new Rng(0)));
    }
}
