package io.genai4j.server;

/**
 * Watches one answer while it is generated: records the time to its first token, and tells the
 * generator to stop (between two tokens) when the client is gone or the request's time is up.
 */
final class Watch {
    private final RequestClock clock;
    private final SseWriter sse;
    private final ServerMetrics metrics;

    Watch(RequestClock clock, SseWriter sse, ServerMetrics metrics) {
        this.clock = clock;
        this.sse = sse;
        this.metrics = metrics;
    }

    void token() {
        if (clock.firstToken()) metrics.firstToken(clock.secondsToFirstToken());
    }

    boolean stop() {
        return (sse != null && sse.broken()) || clock.expired();
    }

    boolean timedOut() {
        return clock.expired();
    }

    boolean clientGone() {
        return sse != null && sse.broken();
    }
}
