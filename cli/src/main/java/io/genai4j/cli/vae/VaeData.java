package io.genai4j.cli.vae;

import io.genai4j.models.vision.Mnist;
import java.io.IOException;
import java.nio.file.Path;

/** The MNIST split from --data, or from the shared data folder when it is not given. */
final class VaeData {
    private VaeData() {}

    static Mnist.Split split(Path data) throws IOException {
        return Mnist.split(Mnist.load(data != null ? data : Mnist.defaultDir()));
    }
}
