package io.genai4j.cli.word2vec;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.word2vec.WordVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai word2vec neighbors WORD...}: the nearest words by cosine similarity. */
@Command(name = "neighbors", aliases = "neighbours", mixinStandardHelpOptions = true, description = "The nearest words to each word, by cosine similarity.")
public final class Word2VecNeighbors implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "WORD") List<String> words;
    @Option(names = "--vectors", defaultValue = Word2VecCommand.DEFAULT_VECTORS, description = "Vectors in word2vec text format (default: ${DEFAULT-VALUE}).") Path vectors;
    @Option(names = "--k", defaultValue = "10", description = "How many neighbours (default ${DEFAULT-VALUE}).") int k;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (k < 1) throw new IllegalArgumentException("--k must be >= 1, got " + k);
        WordVectors v = WordVectors.load(vectors);
        Map<String, Object> all = new LinkedHashMap<>();
        for (String w : words) {
            String word = w.toLowerCase(Locale.ROOT);
            List<Map<String, Object>> rows = new ArrayList<>();
            System.out.println(word + ":");
            for (var n : v.nearest(word, k)) {
                System.out.printf(Locale.ROOT, "  %-16s %.3f%n", n.word(), n.cosine());
                rows.add(Map.of("word", n.word(), "cosine", Rounding.places(n.cosine(), 4)));
            }
            all.put(word, rows);
        }
        if (json.on()) new Report().put("neighbors", all).printJson(System.out);
        return 0;
    }
}
