package io.genai4j.cli.generative;

import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import picocli.CommandLine.Option;

/**
 * {@code --train-size N}: how many images of the MNIST training split (the first N of its 8,000)
 * a lesson trains on, for the vision, VAE and GAN lessons' learning curves and quick runs.
 */
public final class TrainSizeOption {
    @Option(names = "--train-size", defaultValue = "8000", description = "Training images: the first N of the 8,000-image training split (default ${DEFAULT-VALUE}).")
    int trainSize;   // the field name is the help's <trainSize>

    /** N. */
    public int value() {
        return trainSize;
    }

    /** The first N training images of the split; a user error unless 1 <= N <= its size. */
    public Images of(Mnist.Split split) {
        int all = split.train().size();
        if (trainSize < 1 || trainSize > all) throw new IllegalArgumentException("--train-size must be in 1.." + all + ", got " + trainSize);
        return split.train().range(0, trainSize);
    }
}
