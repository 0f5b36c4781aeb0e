package io.genai4j.course.tour;

import io.genai4j.text.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the steps share: the narrator, the corpus, the seed, the folder for pictures, and a cache so
 * that a model trained in one step (say, the word trigram) is reused by the next.
 */
public final class TourContext {
    private final Narrator narrator;
    private final Corpus corpus;
    private final long seed;
    private final Path outDir;
    private final Map<String, Object> cache = new HashMap<>();
    private final List<Path> pictures = new ArrayList<>();

    public TourContext(Narrator narrator, Corpus corpus, long seed, Path outDir) {
        this.narrator = narrator;
        this.corpus = corpus;
        this.seed = seed;
        this.outDir = outDir;
    }

    public Narrator say() {
        return narrator;
    }

    public Corpus corpus() {
        return corpus;
    }

    public long seed() {
        return seed;
    }

    /** Where a picture called {@code name} goes; record it with {@link #wrote}. */
    public Path picture(String name) {
        return outDir.resolve(name);
    }

    public void wrote(Path p) {
        pictures.add(p);
        narrator.note("wrote " + p);
    }

    public List<Path> pictures() {
        return List.copyOf(pictures);
    }

    /** The value cached under {@code key}, made once. */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Supplier<T> make) {
        return (T) cache.computeIfAbsent(key, k -> make.get());
    }
}
