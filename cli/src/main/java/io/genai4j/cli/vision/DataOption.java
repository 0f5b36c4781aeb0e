package io.genai4j.cli.vision;

import io.genai4j.cli.generative.MnistOption;
import io.genai4j.models.vision.Mnist;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where the MNIST t10k files are, read and split. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder with t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (default: ../shared/data/images/mnist).")
    Path dir;

    public Mnist.Split split() throws IOException {
        return MnistOption.split(dir);
    }
}
