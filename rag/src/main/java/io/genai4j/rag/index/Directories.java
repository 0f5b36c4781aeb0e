package io.genai4j.rag.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;

/** Opening the index folder for a writer or a reader built on it, without leaking it when that fails. */
final class Directories {
    private Directories() {}

    /** What is built on an open directory (a writer, a reader) and owns it from then on. */
    @FunctionalInterface
    interface Owner<T> {
        T on(FSDirectory directory) throws IOException;
    }

    /** Opens dir and builds on it; if building fails, the directory is closed before the failure goes on. */
    static <T> T open(Path dir, Owner<T> build) throws IOException {
        FSDirectory d = FSDirectory.open(dir);
        try {
            return build.on(d);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }
}
