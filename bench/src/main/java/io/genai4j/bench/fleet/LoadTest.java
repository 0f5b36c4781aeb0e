package io.genai4j.bench.fleet;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.remote.OpenAiChatModel;
import io.genai4j.models.sampling.Penalties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A bounded load: {@code clients} streams at once, each sending {@code requests} chat completions
 * one after the other through the OpenAI client, so it always ends. A request that fails (refused,
 * cut mid-stream, connection lost) is retried up to {@code retries} times with a short backoff; one
 * that still fails is lost. Time to first token is measured on the attempt that succeeded.
 */
public final class LoadTest {
    /** What one load produced. */
    public record Result(int clients, int requests, int lost, int retries, long tokens, double seconds, List<Double> ttftSeconds) {
        public double tokensPerSecond() {
            return tokens / seconds;
        }

        public double ttftPercentile(double p) {
            if (ttftSeconds.isEmpty()) return Double.NaN;
            List<Double> sorted = new ArrayList<>(ttftSeconds);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    private final String baseUrl, model;
    private final int maxTokens, retries;

    public LoadTest(String baseUrl, String model, int maxTokens, int retries) {
        this.baseUrl = baseUrl;
        this.model = model;
        this.maxTokens = maxTokens;
        this.retries = retries;
    }

    /** Runs the load; {@code onDone} hears the count of finished requests (the failover test kills a replica from there). */
    public Result run(int clients, int requestsEach, IntConsumer onDone) throws InterruptedException {
        OpenAiChatModel chat = new OpenAiChatModel(baseUrl + "/v1", model, null, Duration.ofMinutes(10));
        AtomicInteger lost = new AtomicInteger(), retried = new AtomicInteger(), done = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        List<Double> ttft = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        ChatRequest req = ChatRequest.of(List.of(ChatMessage.user("Tell story number " + (client * 1000 + i) + " about a lighthouse.")),
                                new GenerationOptions(maxTokens, 0.8f, 0, 0.95f, 0f, Penalties.NONE, client * 1000L + i, List.of(), true));
                        boolean ok = false;
                        for (int attempt = 0; attempt <= retries && !ok; attempt++) {
                            if (attempt > 0) {
                                retried.incrementAndGet();
                                sleep(200L * attempt);
                            }
                            long start = System.nanoTime();
                            long[] first = {-1};
                            try {
                                ChatResponse r = chat.chat(req, new ChatListener() {
                                    @Override
                                    public void onText(String text) {
                                        if (first[0] < 0) first[0] = System.nanoTime();
                                    }
                                });
                                tokens.addAndGet(r.usage().completionTokens());
                                if (first[0] > 0) ttft.add((first[0] - start) / 1e9);
                                ok = true;
                            } catch (RuntimeException e) {
                                // refused, cut or unreachable: retry
                            }
                        }
                        if (!ok) lost.incrementAndGet();
                        onDone.accept(done.incrementAndGet());
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(clients, clients * requestsEach, lost.get(), retried.get(), tokens.get(), seconds, List.copyOf(ttft));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
