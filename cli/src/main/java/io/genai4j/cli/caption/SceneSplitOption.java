package io.genai4j.cli.caption;

import io.genai4j.cli.generative.MnistOption;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.captioner.SceneGenerator;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --split held-out|seen}: evaluation scenes drawn from the MNIST test split with a fixed seed,
 * either containing colour–digit pairs never seen in training (held-out) or only seen ones.
 */
public final class SceneSplitOption {
    /** Evaluation scenes do not depend on the training seed: every model is scored on the same ones. */
    static final long EVAL_SEED = 19;

    @Option(names = "--split", defaultValue = "held-out", description = "held-out (scenes with colour-digit pairs never trained on) or seen (default ${DEFAULT-VALUE}).")
    String split;
    @Mixin MnistOption data;

    public SceneGenerator generator() throws IOException {
        SceneGenerator.Split s = switch (split) {
            case "held-out" -> SceneGenerator.Split.HELD_OUT;
            case "seen" -> SceneGenerator.Split.TRAIN;
            default -> throw new IllegalArgumentException("--split must be held-out or seen, got " + Printable.of(split));
        };
        return new SceneGenerator(data.split().test(), s, EVAL_SEED);
    }

    public String name() {
        return split;
    }
}
