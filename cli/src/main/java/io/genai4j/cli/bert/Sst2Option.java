package io.genai4j.cli.bert;

import io.genai4j.models.bert.Sst2;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}: the folder with SST-2's splits as TSV files (train.tsv, dev.tsv, test.tsv),
 * for every command that classifies or prompts on SST-2; the shared data folder's copy when not given.
 */
public final class Sst2Option {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder with SST-2's train.tsv, dev.tsv and test.tsv (default: sentiment/sst2 in the shared data folder).")
    Path data;

    /** --data, or the shared data folder's sentiment/sst2. */
    public Path dir() {
        return data != null ? data : Sst2.defaultDir();
    }

    /** One split: train, dev or test. */
    public Sst2 load(String split) throws IOException {
        return Sst2.load(dir(), split);
    }
}
