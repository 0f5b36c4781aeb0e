package io.genai4j.server;

/**
 * Where and how a server listens: host (127.0.0.1 unless told otherwise, so nothing is exposed by
 * accident), port (0 = any free one), the API key every route but the health checks requires (null =
 * none), how many requests generate at once and how many may wait, and the per-request limits.
 */
public record ServerSettings(String host, int port, String apiKey, int parallel, int queue, Limits limits) {
    public ServerSettings {
        if (host == null || host.isBlank()) host = "127.0.0.1";
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        if (apiKey != null && apiKey.isBlank()) throw new IllegalArgumentException("an API key must not be blank");
        if (parallel < 1) throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        if (queue < 0) throw new IllegalArgumentException("queue must be >= 0, got " + queue);
        if (limits == null) limits = Limits.DEFAULT;
    }

    public static ServerSettings local(int port, int parallel) {
        return new ServerSettings("127.0.0.1", port, null, parallel, 4 * parallel, Limits.DEFAULT);
    }

    public ServerSettings withApiKey(String key) {
        return new ServerSettings(host, port, key, parallel, queue, limits);
    }

    public ServerSettings withQueue(int q) {
        return new ServerSettings(host, port, apiKey, parallel, q, limits);
    }

    public ServerSettings withLimits(Limits l) {
        return new ServerSettings(host, port, apiKey, parallel, queue, l);
    }
}
