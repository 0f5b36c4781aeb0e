package io.genai4j.server.studio;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A model a lesson loads on its first use, not at the server's start (most pages never need it),
 * once however many requests ask at the same time.
 */
final class Loaded<T> {
    /** How the model is read; an IOException there is the installation's fault, not the request's. */
    interface Loader<T> {
        T load() throws IOException;
    }

    private final Loader<T> loader;
    private T value;

    Loaded(Loader<T> loader) {
        this.loader = loader;
    }

    synchronized T get() {
        if (value == null) {
            try {
                value = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value;
    }
}
