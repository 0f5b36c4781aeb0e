package io.genai4j.cli.caption;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai caption}: a GIT-style captioner on scenes of coloured MNIST digits. */
@Command(name = "caption", mixinStandardHelpOptions = true,
        description = {"GIT-style captioning: a ViT's image tokens prepended to one text decoder, one language-modelling loss.",
                "Scenes of 1-3 coloured MNIST digits are generated with captions and questions; the held-out split has colour-digit pairs never seen in training.",
                "train a captioner, describe a scene (caption, answers, word-to-patch attention), eval BLEU-4 / CIDEr-D / QA accuracy."},
        subcommands = {CaptionTrain.class, CaptionDescribe.class, CaptionEval.class})
public final class CaptionCommand extends CommandGroup {
}
