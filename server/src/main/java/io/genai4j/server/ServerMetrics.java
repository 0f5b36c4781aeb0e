package io.genai4j.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * One replica's metrics in Prometheus text (each replica of a fleet is scraped on its own):
 * requests by endpoint and status, prompt and completion tokens, queue depth and busy sessions,
 * time to first token and generation speed.
 */
final class ServerMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests, promptTokens, completionTokens;
    private final Histogram timeToFirstToken, tokensPerSecond;

    ServerMetrics(IntSupplier queueDepth, IntSupplier busySessions) {
        requests = Counter.builder().name("genai_requests_total").help("HTTP requests answered, by endpoint and status")
                .labelNames("endpoint", "status").register(registry);
        promptTokens = Counter.builder().name("genai_prompt_tokens_total").help("Prompt tokens read").register(registry);
        completionTokens = Counter.builder().name("genai_completion_tokens_total").help("Tokens generated").register(registry);
        GaugeWithCallback.builder().name("genai_queue_depth").help("Requests waiting for a free session")
                .callback(cb -> cb.call(queueDepth.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("genai_sessions_busy").help("Sessions generating now")
                .callback(cb -> cb.call(busySessions.getAsInt())).register(registry);
        timeToFirstToken = Histogram.builder().name("genai_time_to_first_token_seconds").help("From request arrival to the first generated text")
                .classicOnly().classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60).register(registry);
        tokensPerSecond = Histogram.builder().name("genai_generation_tokens_per_second").help("Token generation speed of each answer")
                .classicOnly().classicUpperBounds(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000).register(registry);
    }

    void request(String endpoint, int status) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
    }

    void tokens(int prompt, int completion) {
        promptTokens.inc(prompt);
        completionTokens.inc(completion);
    }

    void firstToken(double seconds) {
        timeToFirstToken.observe(seconds);
    }

    void speed(double tokensPerSecondOfAnswer) {
        if (tokensPerSecondOfAnswer > 0 && Double.isFinite(tokensPerSecondOfAnswer)) tokensPerSecond.observe(tokensPerSecondOfAnswer);
    }

    String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
