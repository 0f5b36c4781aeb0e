package io.genai4j.cli.translate;

import io.genai4j.models.translation.ParallelCorpus;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the sentence pairs are and how they are filtered and split. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "Tab-separated English<TAB>French pairs (default: " + ParallelCorpus.DEFAULT_PATH + " beside the project, or under $GENAI_DATA).")
    Path data;
    @Option(names = "--max-words", description = "Keep pairs with at most this many words on each side (default: 10, or the checkpoint's).")
    Integer maxWords;
    @Option(names = "--reverse", description = "Translate French to English instead.")
    boolean reverse;

    Path path() {
        return data != null ? data : ParallelCorpus.defaultPath();
    }

    ParallelCorpus load(int defaultMaxWords, boolean defaultReverse, long seed) throws IOException {
        return ParallelCorpus.load(path(), maxWords != null ? maxWords : defaultMaxWords, reverse || defaultReverse, seed);
    }
}
