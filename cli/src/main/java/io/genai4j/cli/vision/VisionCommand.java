package io.genai4j.cli.vision;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai vision}: LeNet-5 vs a small ViT on MNIST. */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = {"CNN vs Vision Transformer on MNIST (the 10,000-image t10k file, split once: 8,000 train pool / 500 val / 1,500 test).",
                "train a model, eval it (accuracy, sample grid, your own PNG), show the ViT's attention, compare both by training-set size."},
        subcommands = {VisionTrain.class, VisionEval.class, VisionAttention.class, VisionCompare.class})
public final class VisionCommand extends CommandGroup {
}
