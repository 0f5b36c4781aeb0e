package io.genai4j.server.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's static files, read from the jar. Only the names listed here are served, so no request
 * path can reach another resource on the classpath, let alone a file on the disk.
 */
final class StudioAssets {
    private static final String ROOT = "/io/genai4j/server/studio/";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("studio.css", "text/css; charset=utf-8"),
            Map.entry("studio.js", JS),
            Map.entry("api.js", JS),
            Map.entry("chat.js", JS),
            Map.entry("lessons.js", JS),
            Map.entry("models.js", JS),
            Map.entry("jobs.js", JS),
            Map.entry("rag.js", JS),
            Map.entry("svg.js", JS),
            Map.entry("vision.js", JS));
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private StudioAssets() {}

    static boolean exists(String name) {
        return TYPES.containsKey(name);
    }

    static java.util.Set<String> names() {
        return TYPES.keySet();
    }

    static String contentType(String name) {
        return TYPES.get(name);
    }

    /** The file's bytes (read once); a missing listed file is a packaging bug. */
    static byte[] bytes(String name) {
        if (!exists(name)) throw new IllegalArgumentException("not a studio file: " + name);
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = StudioAssets.class.getResourceAsStream(ROOT + n)) {
                if (in == null) throw new IllegalStateException("the studio file " + n + " is missing from the jar");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
