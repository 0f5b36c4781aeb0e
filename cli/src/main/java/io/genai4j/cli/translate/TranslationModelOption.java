package io.genai4j.cli.translate;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --model DIR} of translate and eval, which are one command each in the seq2seq and the
 * transformer group: the group the command is reached through names the kind of model to load.
 */
public final class TranslationModelOption {
    @Option(names = "--model", paramLabel = "DIR", description = "Checkpoint directory (default: runs/<model>; for the Transformer, the small shipped model when that is absent).")
    Path model;
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** seq2seq or transformer: the name of the group above the command. */
    String kind() {
        return command.parent().name();
    }

    /** The checkpoint of --model (or the default one) and the model built from it. */
    Loaded load() throws IOException {
        return Loaded.of(model, kind());
    }
}
