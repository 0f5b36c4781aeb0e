package io.genai4j.cli.word2vec;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai word2vec train|neighbors|analogy|plot}: words as vectors. */
@Command(name = "word2vec", mixinStandardHelpOptions = true,
        description = "Word embeddings (skip-gram or CBOW with negative sampling): train, nearest neighbours, analogies, a 2-D map.",
        subcommands = {Word2VecTrain.class, Word2VecNeighbors.class, Word2VecAnalogy.class, Word2VecPlot.class})
public final class Word2VecCommand extends CommandGroup {
    static final String DEFAULT_VECTORS = "runs/word2vec.txt";

}
