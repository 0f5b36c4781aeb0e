package io.genai4j.rag.load;

import java.nio.file.Path;

/** What a folder walk reports: each document read, and each file skipped with the reason. */
public interface LoadListener {
    default void loaded(Path file, Document document) {}

    /** The file was not read (too large, unreadable, not valid for its kind, a link out of the root...). */
    default void skipped(Path file, String reason) {}

    LoadListener NONE = new LoadListener() {};
}
