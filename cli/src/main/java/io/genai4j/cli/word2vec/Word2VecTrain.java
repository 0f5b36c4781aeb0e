package io.genai4j.cli.word2vec;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.word2vec.Analogies;
import io.genai4j.models.word2vec.Word2Vec;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.models.word2vec.Word2VecConfig;
import io.genai4j.models.word2vec.WordCorpus;
import io.genai4j.models.word2vec.WordVectors;
import io.genai4j.text.Corpus;
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

/** {@code genai word2vec train}: vectors from tiny Shakespeare (and any texts given), saved in word2vec's text format. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train word vectors on the bundled tiny Shakespeare plus any --corpus files, then score the built-in analogies.",
                "The vectors are written in word2vec's text format (gensim: KeyedVectors.load_word2vec_format)."})
public final class Word2VecTrain implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "FILE", description = "A UTF-8 text to add to the training text (repeatable).") List<Path> corpora = new ArrayList<>();
    @Option(names = "--no-shakespeare", description = "Train on the --corpus files only.") boolean noShakespeare;
    @Option(names = "--mode", defaultValue = "cbow", description = "skipgram or cbow (default ${DEFAULT-VALUE}).") String mode;
    @Option(names = "--dim", defaultValue = "100", description = "Vector size (default ${DEFAULT-VALUE}).") int dim;
    @Option(names = "--window", defaultValue = "4", description = "Context words on each side, at most (default ${DEFAULT-VALUE}).") int window;
    @Option(names = "--negative", defaultValue = "10", description = "Negative samples per pair (default ${DEFAULT-VALUE}).") int negative;
    @Option(names = "--min-count", defaultValue = "5", description = "Drop words seen fewer times (default ${DEFAULT-VALUE}).") int minCount;
    @Option(names = "--sample", defaultValue = "1e-3", description = "Sub-sampling threshold for frequent words; 0 = off (default ${DEFAULT-VALUE}).") double sample;
    @Option(names = "--epochs", defaultValue = "15", description = "Passes over the text (default ${DEFAULT-VALUE}).") int epochs;
    @Option(names = "--alpha", description = "Starting learning rate (default: 0.025 skip-gram, 0.05 CBOW).") Double alpha;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", defaultValue = Word2VecCommand.DEFAULT_VECTORS, description = "Vectors file (default: ${DEFAULT-VALUE}).") Path out;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (!noShakespeare) {
            texts.add(Corpus.tinyShakespeare().text());
            names.add(Corpus.SHAKESPEARE);
        }
        for (Path p : corpora) {
            texts.add(Corpus.load(p).text());
            names.add(p.getFileName().toString());
        }
        if (texts.isEmpty()) throw new IllegalArgumentException("--no-shakespeare needs at least one --corpus FILE");
        Word2VecConfig c = new Word2VecConfig(mode, dim, window, negative, minCount, sample, epochs,
                alpha != null ? alpha : mode.equalsIgnoreCase("cbow") ? 0.05 : 0.025, seed.value());
        WordCorpus corpus = WordCorpus.of(texts, minCount);
        System.out.printf(Locale.ROOT, "corpus: %s; %,d words kept, vocabulary %,d (min count %d)%n", String.join(" + ", names), corpus.tokens(), corpus.size(), minCount);
        Word2Vec.Result r;
        try (TrainProgress bar = TrainProgress.items((long) c.epochs() * corpus.tokens(), "words")) {
            r = Word2Vec.train(corpus, c, bar);
        }
        WordVectors v = r.vectors();
        Path written = v.save(out);
        System.out.printf(Locale.ROOT, "%s, %d dimensions, %d epochs: %.1f s, last-epoch loss %.3f per pair; vectors in %s%n",
                c.mode(), dim, epochs, r.seconds(), r.lastEpochLoss(), written.toAbsolutePath());
        Analogies.Score s = Analogies.shakespeare().evaluate(v);
        System.out.printf(Locale.ROOT, "built-in analogies: %d / %d correct (%.1f%%), %d skipped (words missing)%n",
                s.correct(), s.answered(), 100 * s.accuracy(), s.skipped());
        for (var e : s.bySection().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-12s %2d / %2d%n", e.getKey(), e.getValue()[1], e.getValue()[0]);
        }
        for (String w : List.of("king", "love", "night")) {
            if (!v.contains(w)) continue;
            StringBuilder b = new StringBuilder();
            for (var n : v.nearest(w, 6)) b.append(String.format(Locale.ROOT, " %s (%.2f)", n.word(), n.cosine()));
            System.out.println("nearest to " + w + ":" + b);
        }
        if (json.on()) {
            Map<String, Object> sections = new LinkedHashMap<>();
            s.bySection().forEach((k, a) -> sections.put(k, List.of(a[1], a[0])));
            new Report().put("config", c.toMap()).put("corpus", names).put("tokens", corpus.tokens()).put("vocabulary", corpus.size())
                    .put("seconds", Rounding.places(r.seconds(), 2)).put("loss", Rounding.places(r.lastEpochLoss(), 4))
                    .put("analogy_correct", s.correct()).put("analogy_answered", s.answered()).put("analogy_skipped", s.skipped())
                    .put("analogy_accuracy", Rounding.places(s.accuracy(), 4)).put("analogy_sections", sections)
                    .put("out", written.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
