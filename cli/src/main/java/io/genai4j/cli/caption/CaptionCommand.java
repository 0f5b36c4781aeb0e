package io.genai4j.cli.caption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai caption}: a GIT-style captioner on scenes of coloured MNIST digits. */
@Command(name = "caption", mixinStandardHelpOptions = true,
        description = {"GIT-style captioning: a ViT's image tokens prepended to one text decoder, one language-modelling loss.",
                "Scenes of 1-3 coloured MNIST digits are generated with captions and questions; the held-out split has colour-digit pairs never seen in training.",
                "train a captioner, describe a scene (caption, answers, word-to-patch attention), eval BLEU-4 / CIDEr-D / QA accuracy."},
        subcommands = {CaptionTrain.class, CaptionDescribe.class, CaptionEval.class})
public final class CaptionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
