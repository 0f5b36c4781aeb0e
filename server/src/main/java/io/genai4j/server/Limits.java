package io.genai4j.server;

import java.time.Duration;

/**
 * What one request may ask of the server: the largest body, the most tokens it may generate per
 * choice (also the default when it names none), the most choices ({@code n}), and how long it may
 * take from arrival (queueing included) before it is cut off.
 */
public record Limits(long maxBodyBytes, int maxTokens, int maxChoices, Duration timeout) {
    public static final Limits DEFAULT = new Limits(4L << 20, 2048, 8, Duration.ofMinutes(5));

    public Limits {
        if (maxBodyBytes < 1 || maxTokens < 1 || maxChoices < 1) throw new IllegalArgumentException("server limits must be positive");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the request timeout must be positive");
    }
}
