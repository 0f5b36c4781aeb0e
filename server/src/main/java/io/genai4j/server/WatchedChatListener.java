package io.genai4j.server;

import io.genai4j.llm.TokenLogprob;
import io.genai4j.llm.chat.ChatListener;
import java.util.List;

/**
 * What the listener of every chat answer does, whole or streamed: each token (a piece of text or of
 * a tool call) is counted on the request's {@link Watch} for the time to the first token, the
 * log-probabilities the request asked for are collected into {@code logprobs}, and generation stops
 * when the watch says so. A streamed answer extends it to send each piece as it comes.
 */
class WatchedChatListener implements ChatListener {
    private final Watch watch;
    private final int topLogprobs;
    private final List<TokenLogprob> logprobs;

    WatchedChatListener(Watch watch, int topLogprobs, List<TokenLogprob> logprobs) {
        this.watch = watch;
        this.topLogprobs = topLogprobs;
        this.logprobs = logprobs;
    }

    @Override
    public void onText(String text) {
        watch.token();
    }

    @Override
    public void onToolCall(int index, String id, String name, String argumentsFragment) {
        watch.token();
    }

    @Override
    public int topLogprobs() {
        return topLogprobs;
    }

    @Override
    public void onLogprob(TokenLogprob p) {
        logprobs.add(p);
    }

    @Override
    public boolean cancelled() {
        return watch.stop();
    }
}
