package io.genai4j.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ToolCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's {@link StreamingChatModel} over a genai4j chat model: the answer is generated on a
 * virtual thread, its text reaches {@code onPartialResponse} and its tool calls {@code
 * onPartialToolCall} (each piece with its call's index, id and name) as the model produces them,
 * then each call whole ({@code onCompleteToolCall}) and the response ({@code onCompleteResponse}).
 */
public final class GenaiStreamingChatModel implements StreamingChatModel {
    private final io.genai4j.llm.chat.ChatModel model;

    public GenaiStreamingChatModel(io.genai4j.llm.chat.ChatModel model) {
        this.model = model;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        io.genai4j.llm.chat.ChatRequest genai;
        try {
            genai = Messages.toGenai(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        Thread.ofVirtual().name("genai4j-stream").start(() -> {
            try {
                Map<Integer, String[]> calls = new HashMap<>();   // index -> id, name
                ChatResponse r = model.chat(genai, new ChatListener() {
                    @Override
                    public void onText(String text) {
                        if (!text.isEmpty()) handler.onPartialResponse(text);
                    }

                    @Override
                    public void onToolCall(int index, String id, String name, String fragment) {
                        String[] call = calls.computeIfAbsent(index, i -> new String[2]);
                        if (id != null) call[0] = id;
                        if (name != null) call[1] = name;
                        handler.onPartialToolCall(PartialToolCall.builder().index(index).id(call[0]).name(call[1])
                                .partialArguments(fragment == null ? "" : fragment).build());
                    }
                });
                List<ToolCall> done = r.message().toolCalls();
                for (int i = 0; i < done.size(); i++) {
                    ToolCall c = done.get(i);
                    handler.onCompleteToolCall(new CompleteToolCall(i, ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build()));
                }
                handler.onCompleteResponse(Messages.toLangChain4j(r, model.name()));
            } catch (RuntimeException e) {
                handler.onError(e);
            }
        });
    }
}
