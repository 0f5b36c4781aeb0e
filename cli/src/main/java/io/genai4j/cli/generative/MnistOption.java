package io.genai4j.cli.generative;

import io.genai4j.models.vision.Mnist;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: the MNIST t10k files that the vision, captioning, VAE, GAN and diffusion lessons train and score on. */
public final class MnistOption {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the MNIST t10k files (default: images/mnist in the shared data folder).")
    Path dir;

    /** The train/val/test split of the files in --data, or of the shared data folder's. */
    public Mnist.Split split() throws IOException {
        return split(dir);
    }

    /** The split of the MNIST files in {@code dir}, or in the shared data folder when it is null. */
    public static Mnist.Split split(Path dir) throws IOException {
        return Mnist.split(Mnist.load(dir != null ? dir : Mnist.defaultDir()));
    }
}
