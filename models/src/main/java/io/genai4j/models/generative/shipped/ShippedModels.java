package io.genai4j.models.generative.shipped;

import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.gan.Gan;
import io.genai4j.models.gan.GanFile;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.generative.ModelFile;
import io.genai4j.models.vision.VisionCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small models of the generative lessons that ship in the jar, trained once on the split's
 * training digits (their cards, how each was trained and what it scored, are the files' "train"
 * metadata): the scale's LeNet, a VAE, a GAN and a latent diffusion model on that VAE's latents.
 * The tour draws from them in seconds; {@code genai generative compare} measures models trained anew.
 */
public final class ShippedModels {
    /** The class-path folder of the files. */
    public static final String FOLDER = "/io/genai4j/models/generative/";

    private ShippedModels() {}

    public static VisionCheckpoint scaleClassifier() throws IOException {
        return read("scale-lenet.safetensors", VisionCheckpoint::load);
    }

    public static ConvVae vae() throws IOException {
        return read("vae.safetensors", VaeFile::load);
    }

    public static Gan gan() throws IOException {
        return read("gan.safetensors", GanFile::load);
    }

    public static LatentDiffusion latentDiffusion() throws IOException {
        return read("latent-diffusion.safetensors", LatentDiffusion::load);
    }

    /** The "train" metadata of a shipped file: its card. */
    public static java.util.Map<String, Object> card(String name) throws IOException {
        return read(name, f -> ModelFile.header(f).train());
    }

    private interface Loader<T> {
        T load(Path file) throws IOException;
    }

    /** Copies the resource out of the jar (the readers take files), loads it, deletes the copy. */
    private static <T> T read(String name, Loader<T> loader) throws IOException {
        Path tmp = Files.createTempFile("genai4j-" + name.replace(".safetensors", ""), ".safetensors");
        try {
            try (InputStream in = ShippedModels.class.getResourceAsStream(FOLDER + name)) {
                if (in == null) throw new IllegalStateException("the shipped model " + name + " is missing from the class path (" + FOLDER + ")");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return loader.load(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
