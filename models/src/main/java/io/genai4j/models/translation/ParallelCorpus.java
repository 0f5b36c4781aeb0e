package io.genai4j.models.translation;

import io.genai4j.engine.util.SharedDataDir;
import java.io.IOException;
import java.io.BufferedReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Sentence pairs split into train, validation and test, deterministically.
 *
 * <p>The file is Tatoeba's export by manythings.org ({@code English<TAB>French} per line, sorted by
 * length). Lines are normalized ({@link Normalizer}) and kept when both sides have at most
 * {@code maxWords} words. Many English sentences have several French translations; so that a test
 * sentence is never a training sentence, the split is by distinct source sentence: the distinct
 * sources are shuffled with the seed and cut 90/5/5, and every pair follows its source.
 */
public record ParallelCorpus(List<Pair> train, List<Pair> val, List<Pair> test, String description) {
    /** The licence line every command that uses the data prints. */
    public static final String ATTRIBUTION = "Data: Tatoeba English-French pairs, CC BY 2.0 - www.manythings.org/anki and tatoeba.org";
    public static final String DEFAULT_PATH = "../shared/data/translation/fra-eng/fra.txt";

    /**
     * The default data file: {@code translation/fra-eng/fra.txt} in the shared data folder, found as
     * every other data set is ({@link SharedDataDir}: -Dgenai.data / $GENAI_DATA, else the nearest
     * {@code shared/data} beside the project or one of its parents), so a worktree finds it too.
     */
    public static Path defaultPath() {
        return SharedDataDir.resolve("translation/fra-eng/fra.txt").normalize();
    }

    /** Reads {@code source<TAB>target} lines (further columns ignored); reverse swaps the two sides. */
    public static List<Pair> read(Path file, int maxWords, boolean reverse) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException("translation pairs not found: " + file + " (expected tab-separated English<TAB>French lines, "
                    + "e.g. fra.txt from www.manythings.org/anki; pass --data PATH)");
        }
        if (maxWords < 1) throw new IllegalArgumentException("--max-words must be >= 1, got " + maxWords);
        List<Pair> out = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] cols = line.split("\t");
                if (cols.length < 2) throw new IOException(file + " line " + lineNo + ": expected source<TAB>target");
                String a = Normalizer.normalize(cols[0]), b = Normalizer.normalize(cols[1]);
                if (a.isEmpty() || b.isEmpty() || Normalizer.words(a) > maxWords || Normalizer.words(b) > maxWords) continue;
                out.add(reverse ? new Pair(b, a) : new Pair(a, b));
            }
        } catch (MalformedInputException e) {
            throw new IOException(file + " is not UTF-8 text");
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + ": no pair has at most " + maxWords + " words on both sides");
        return out;
    }

    /** The 90/5/5 split by distinct source sentence (see the class comment). */
    public static ParallelCorpus split(List<Pair> pairs, long seed, String name) {
        Map<String, List<Pair>> bySource = new LinkedHashMap<>();
        for (Pair p : pairs) bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
        List<String> sources = new ArrayList<>(bySource.keySet());
        Collections.shuffle(sources, new Random(seed));
        int n = sources.size(), nTest = Math.max(1, n / 20), nVal = Math.max(1, n / 20);
        if (n < 3) throw new IllegalArgumentException("need at least 3 distinct source sentences, got " + n);
        List<Pair> test = new ArrayList<>(), val = new ArrayList<>(), train = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Pair> group = bySource.get(sources.get(i));
            (i < nTest ? test : i < nTest + nVal ? val : train).addAll(group);
        }
        String d = String.format(Locale.ROOT, "%s: %,d pairs (%,d distinct sources) → train %,d / val %,d / test %,d, seed %d",
                name, pairs.size(), n, train.size(), val.size(), test.size(), seed);
        return new ParallelCorpus(List.copyOf(train), List.copyOf(val), List.copyOf(test), d);
    }

    public static ParallelCorpus load(Path file, int maxWords, boolean reverse, long seed) throws IOException {
        return split(read(file, maxWords, reverse), seed, file.getFileName().toString());
    }

    /** A seeded random subset of at most n pairs, order kept (for quick evaluations). */
    public static List<Pair> sample(List<Pair> pairs, int n, long seed) {
        if (n <= 0 || n >= pairs.size()) return pairs;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) idx.add(i);
        Collections.shuffle(idx, new Random(seed));
        List<Integer> keep = new ArrayList<>(idx.subList(0, n));
        Collections.sort(keep);
        List<Pair> out = new ArrayList<>(n);
        for (int i : keep) out.add(pairs.get(i));
        return out;
    }
}
