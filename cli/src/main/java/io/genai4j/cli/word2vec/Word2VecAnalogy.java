package io.genai4j.cli.word2vec;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.word2vec.Analogies;
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

/** {@code genai word2vec analogy A B C}: "A is to B as C is to ?" = nearest to B − A + C; or --test a list. */
@Command(name = "analogy", mixinStandardHelpOptions = true,
        description = {"A is to B as C is to ?: the words nearest to B - A + C (e.g. man king woman → queen).",
                "With --test: accuracy on the built-in Shakespeare list, or --questions FILE in questions-words.txt format."})
public final class Word2VecAnalogy implements Callable<Integer> {
    @Parameters(arity = "0..3", paramLabel = "WORD", description = "A B C.") List<String> words = new ArrayList<>();
    @Option(names = "--vectors", defaultValue = Word2VecCommand.DEFAULT_VECTORS, description = "Vectors in word2vec text format (default: ${DEFAULT-VALUE}).") Path vectors;
    @Option(names = "--k", defaultValue = "5", description = "How many answers (default ${DEFAULT-VALUE}).") int k;
    @Option(names = "--test", description = "Score a list of analogy questions instead.") boolean test;
    @Option(names = "--questions", paramLabel = "FILE", description = "Questions for --test (default: the built-in Shakespeare list).") Path questions;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        WordVectors v = WordVectors.load(vectors);
        if (test || questions != null) return test(v);
        if (words.size() != 3) throw new IllegalArgumentException("analogy needs three words A B C (A is to B as C is to ?), or --test");
        String a = words.get(0).toLowerCase(Locale.ROOT), b = words.get(1).toLowerCase(Locale.ROOT), c = words.get(2).toLowerCase(Locale.ROOT);
        System.out.printf("%s is to %s as %s is to ...%n", a, b, c);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var n : v.analogy(a, b, c, Math.max(1, k))) {
            System.out.printf(Locale.ROOT, "  %-16s %.3f%n", n.word(), n.cosine());
            rows.add(Map.of("word", n.word(), "cosine", Rounding.places(n.cosine(), 4)));
        }
        if (json.on()) new Report().put("a", a).put("b", b).put("c", c).put("answers", rows).printJson(System.out);
        return 0;
    }

    private int test(WordVectors v) throws Exception {
        Analogies list = questions == null ? Analogies.shakespeare() : Analogies.load(questions);
        Analogies.Score s = list.evaluate(v);
        System.out.printf(Locale.ROOT, "%d / %d correct (%.1f%%), %d skipped (a word outside the vocabulary)%n",
                s.correct(), s.answered(), 100 * s.accuracy(), s.skipped());
        Map<String, Object> sections = new LinkedHashMap<>();
        for (var e : s.bySection().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-12s %2d / %2d%n", e.getKey(), e.getValue()[1], e.getValue()[0]);
            sections.put(e.getKey(), List.of(e.getValue()[1], e.getValue()[0]));
        }
        for (String w : s.wrong().subList(0, Math.min(10, s.wrong().size()))) System.out.println("  wrong: " + w);
        if (json.on()) {
            new Report().put("correct", s.correct()).put("answered", s.answered()).put("skipped", s.skipped())
                    .put("accuracy", Rounding.places(s.accuracy(), 4)).put("sections", sections).printJson(System.out);
        }
        return 0;
    }
}
