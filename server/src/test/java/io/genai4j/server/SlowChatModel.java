package io.genai4j.server;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ChatModel that writes one token every few milliseconds for up to {@code max} tokens, asking
 * {@code cancelled()} between tokens as the generator does, and can be held at its start by a
 * gate: it shows what the server does with slow, concurrent and abandoned answers.
 */
final class SlowChatModel implements ChatModel {
    final CountDownLatch gate;
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicInteger tokens = new AtomicInteger();
    final AtomicInteger cancelledAt = new AtomicInteger(-1);
    private final int max;
    private final long millisPerToken;

    SlowChatModel(int max, long millisPerToken, boolean gated) {
        this.max = max;
        this.millisPerToken = millisPerToken;
        this.gate = new CountDownLatch(gated ? 1 : 0);
    }

    @Override
    public String name() {
        return "slow";
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        started.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder text = new StringBuilder();
        int n = 0;
        String finish = "length";
        int limit = Math.min(max, request.options().maxTokens());
        for (; n < limit; n++) {
            if (listener.cancelled()) {
                cancelledAt.set(n);
                finish = "cancelled";
                break;
            }
            try {
                Thread.sleep(millisPerToken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tokens.incrementAndGet();
            text.append("t").append(n).append(' ');
            listener.onText("t" + n + " ");
        }
        return new ChatResponse(ChatMessage.assistant(text.toString()), finish, new ChatResponse.Usage(5, n, 0, 0));
    }
}
