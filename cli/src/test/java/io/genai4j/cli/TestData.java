package io.genai4j.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Data that several CLI tests run commands on. */
public final class TestData {
    private TestData() {}

    /** The shared data folder's MNIST files, as a --data argument (the test is skipped when they are absent, fails under CI). */
    public static String mnistDir() {
        return TestData.mnistDir();
    }

    /** toy.txt in dir: one short sentence thirty times, enough text for the n-gram and sampling commands. */
    public static Path toyCorpus(Path dir) throws IOException {
        return TestData.toyCorpus(dir);
    }
}
