package io.genai4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.TokenLogprob;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Answers one chat completion, whole or streamed. A stream sends, per choice, the role in its first
 * delta, text and tool-call pieces as the model produces them, and the finish reason in its last
 * chunk; then the usage chunk when asked ({@code stream_options.include_usage}) and {@code [DONE]}.
 * Asked for log-probabilities, a chunk carries those of the tokens whose text it is the first to
 * send (a token's text may be held back, e.g. while it could begin a stop string).
 * The n choices are generated one after the other in the request's session.
 */
final class ChatCompletions {
    private final ChatModel model;
    private final ServerMetrics metrics;
    private final LogprobsJson logprobs;   // null: the request asked for none

    ChatCompletions(ChatModel model, ServerMetrics metrics, LogprobsJson logprobs) {
        this.model = model;
        this.metrics = metrics;
        this.logprobs = logprobs;
    }

    /** The whole answer as a {@code chat.completion} object. */
    ObjectNode complete(ChatCompletionRequest req, RequestClock clock) {
        ChatCompletionJson json = new ChatCompletionJson("chatcmpl-" + Ids.random(), System.currentTimeMillis() / 1000, model.name());
        List<ChatResponse> choices = new ArrayList<>();
        List<ObjectNode> choiceLogprobs = new ArrayList<>();
        Watch watch = new Watch(clock, null, metrics);
        for (int i = 0; i < req.sampling().n(); i++) {
            List<TokenLogprob> tokens = new ArrayList<>();
            ChatResponse r = model.chat(req.request().withOptions(req.sampling().forChoice(i)), new WatchedChatListener(watch, req.logprobs(), tokens));
            if (watch.timedOut()) throw clock.timeoutError();
            account(r);
            choices.add(r);
            choiceLogprobs.add(logprobs == null ? null : logprobs.chat(tokens));
        }
        return json.completion(choices, choiceLogprobs);
    }

    /** Streams the answer; returns when done, when the client left, or after telling it the time ran out. */
    void stream(ChatCompletionRequest req, RequestClock clock, SseWriter sse) {
        ChatCompletionJson json = new ChatCompletionJson("chatcmpl-" + Ids.random(), System.currentTimeMillis() / 1000, model.name());
        Watch watch = new Watch(clock, sse, metrics);
        int prompt = 0, completion = 0;
        for (int i = 0; i < req.sampling().n() && !watch.stop(); i++) {
            int index = i;
            boolean[] opened = {false};
            Runnable open = () -> {
                if (opened[0]) return;
                opened[0] = true;
                ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
                sse.send(json.chunk(index, delta, null));
            };
            List<TokenLogprob> pending = new ArrayList<>();   // tokens whose text has not been sent yet
            Function<ObjectNode, ObjectNode> withLogprobs = chunk -> {
                if (logprobs == null || pending.isEmpty()) return chunk;
                ((ObjectNode) chunk.get("choices").get(0)).set("logprobs", logprobs.chat(List.copyOf(pending)));
                pending.clear();
                return chunk;
            };
            ChatResponse r = model.chat(req.request().withOptions(req.sampling().forChoice(i)), new WatchedChatListener(watch, req.logprobs(), pending) {
                @Override
                public void onText(String text) {
                    super.onText(text);
                    open.run();
                    if (!text.isEmpty()) sse.send(withLogprobs.apply(json.chunk(index, Json.object().put("content", text), null)));
                }

                @Override
                public void onToolCall(int callIndex, String id, String name, String argumentsFragment) {
                    super.onToolCall(callIndex, id, name, argumentsFragment);
                    open.run();
                    ObjectNode call = Json.object().put("index", callIndex);
                    if (id != null) call.put("id", id);
                    if (name != null) call.put("type", "function");
                    ObjectNode fn = call.putObject("function");
                    if (name != null) fn.put("name", name);
                    fn.put("arguments", argumentsFragment == null ? "" : argumentsFragment);
                    ObjectNode delta = Json.object();
                    ArrayNode calls = delta.putArray("tool_calls");
                    calls.add(call);
                    sse.send(withLogprobs.apply(json.chunk(index, delta, null)));
                }
            });
            account(r);
            prompt = r.usage().promptTokens();
            completion += r.usage().completionTokens();
            if (watch.clientGone()) return;
            if (watch.timedOut()) {
                sse.send(Errors.body(clock.timeoutError()));
                return;
            }
            open.run();
            sse.send(withLogprobs.apply(json.chunk(index, Json.object(), ChatCompletionJson.finishReason(r))));
        }
        if (req.includeUsage()) sse.send(json.usageChunk(prompt, completion));
        sse.done();
    }

    private void account(ChatResponse r) {
        metrics.tokens(r.usage().promptTokens(), r.usage().completionTokens());
        metrics.speed(r.usage().generatedTokensPerSecond());
    }
}
