package io.genai4j.cli;

import io.genai4j.text.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --corpus FILE}: the text a language-model lesson trains or scores on, tiny Shakespeare when not given. */
public final class CorpusOption {
    @Option(names = "--corpus", description = "A UTF-8 text file (default: bundled tiny Shakespeare).")
    Path corpus;   // the field name is the help's <corpus>

    /** The text of --corpus, or the bundled tiny Shakespeare. */
    public Corpus load() throws IOException {
        return Corpus.orDefault(corpus);
    }
}
