package io.genai4j.llm.hub;

/**
 * What a download reports while it runs, for whoever shows it (the CLI draws a bar; a server could
 * stream it). Calls come from the downloading thread, in the order started, received…, ended.
 */
public interface DownloadListener {
    /**
     * Bytes [from, total) of {@code file} (its name in the repository, printable) are about to arrive;
     * {@code from > 0} when an earlier partial download is resumed.
     */
    default void started(String file, long from, long total) {}

    /** {@code received} bytes of this transfer have arrived so far (the resumed part not counted). */
    default void received(long received) {}

    /** The transfer is over, complete or not (an error follows as an exception). */
    default void ended() {}

    /** Hears nothing. */
    DownloadListener NONE = new DownloadListener() {};
}
