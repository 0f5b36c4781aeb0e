package io.genai4j.server;

/** When a request arrived and when it must be done (System.nanoTime), and when its first token came. */
final class RequestClock {
    private final long start, deadline, timeoutNanos;
    private volatile long firstToken = -1;

    RequestClock(long timeoutNanos) {
        this.start = System.nanoTime();
        this.deadline = start + timeoutNanos;
        this.timeoutNanos = timeoutNanos;
    }

    long deadline() {
        return deadline;
    }

    boolean expired() {
        return System.nanoTime() > deadline;
    }

    /** Marks the first token; true the first time only. */
    boolean firstToken() {
        if (firstToken >= 0) return false;
        firstToken = System.nanoTime();
        return true;
    }

    double secondsToFirstToken() {
        return (firstToken - start) / 1e9;
    }

    /** The error of a request stopped at its deadline. */
    ApiException timeoutError() {
        return new ApiException(504, "server_error", "timeout", null, "the request took longer than this server's limit of "
                + Math.round(timeoutNanos / 1e9) + " s and was stopped", 0);
    }
}
