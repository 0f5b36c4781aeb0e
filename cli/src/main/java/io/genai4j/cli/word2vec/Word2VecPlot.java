package io.genai4j.cli.word2vec;

import io.genai4j.cli.Report;
import io.genai4j.course.word2vec.WordMapPicture;
import io.genai4j.models.word2vec.WordMap;
import io.genai4j.models.word2vec.WordVectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai word2vec plot WORD... | A:B...}: the words' vectors projected on their two principal components. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"A 2-D map (PCA) of chosen words. Give pairs as A:B (man:woman king:queen) to draw an arrow A → B:",
                "parallel arrows are the analogy of the vectors."})
public final class Word2VecPlot implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "WORD|A:B") List<String> words;
    @Option(names = "--vectors", defaultValue = Word2VecCommand.DEFAULT_VECTORS, description = "Vectors in word2vec text format (default: ${DEFAULT-VALUE}).") Path vectors;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/word2vec.png", description = "Picture (default: ${DEFAULT-VALUE}).") Path png;
    @Option(names = "--json", description = "Also print the coordinates as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        WordVectors v = WordVectors.load(vectors);
        WordMap map = WordMap.of(v, words);
        Path written = WordMapPicture.save(map, png, "Word vectors, first two principal components");
        for (int i = 0; i < map.words().size(); i++) {
            System.out.printf(Locale.ROOT, "  %-14s %8.3f %8.3f%n", map.words().get(i), map.xy()[i][0], map.xy()[i][1]);
        }
        System.out.println("Picture: " + written);
        if (json) new Report().put("words", map.words()).put("xy", map.xy()).put("png", written.toString()).printJson(System.out);
        return 0;
    }
}
