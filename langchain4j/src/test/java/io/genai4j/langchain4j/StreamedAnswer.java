package io.genai4j.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects a LangChain4j streamed answer (public: the server's conformance tests use it): partial text, partial and complete tool calls, the response. */
public final class StreamedAnswer implements StreamingChatResponseHandler {
    public final StringBuilder text = new StringBuilder();
    public final List<PartialToolCall> partialToolCalls = new CopyOnWriteArrayList<>();
    public final List<CompleteToolCall> completeToolCalls = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String s) {
        text.append(s);
    }

    @Override
    public void onPartialToolCall(PartialToolCall p) {
        partialToolCalls.add(p);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall c) {
        completeToolCalls.add(c);
    }

    @Override
    public void onCompleteResponse(ChatResponse r) {
        done.complete(r);
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    /** The final response (waits up to a minute); the error if the stream failed. */
    public ChatResponse response() throws Exception {
        return done.get(60, TimeUnit.SECONDS);
    }
}
