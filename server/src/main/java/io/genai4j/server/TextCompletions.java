package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.GenerationListener;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.TokenLogprob;
import io.genai4j.llm.chat.LocalChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code POST /v1/completions}: raw prompts continued without a chat template, each prompt (a string
 * or a list of them) times {@code n} one choice, tokenized as {@code genai run} does (BOS added when
 * the model asks, special tokens parsed); {@code echo} puts the prompt before the answer. {@code
 * logprobs} (0..20) reports each generated token's log-probability and that many alternatives in
 * the legacy shape (the echoed prompt's tokens get none).
 */
final class TextCompletions {
    /** {@code logprobs}: alternatives per token to report, -1 for no log-probabilities. */
    record Request(String model, List<String> prompts, Sampling sampling, boolean echo, boolean stream, boolean includeUsage, int logprobs) {}

    private final LocalChatModel model;
    private final ServerMetrics metrics;
    private final LogprobsJson logprobs;

    TextCompletions(LocalChatModel model, ServerMetrics metrics) {
        this.model = model;
        this.metrics = metrics;
        this.logprobs = new LogprobsJson(model.model().tokenizer());
    }

    static Request read(JsonNode body, Limits limits) {
        Fields f = new Fields(body, "");
        String model = f.requiredString("model");
        List<String> prompts = f.strings("prompt");
        if (prompts.isEmpty()) throw ApiException.invalid("prompt", "prompt must be a string or a non-empty array of strings");
        if (!f.string("suffix", "").isEmpty()) throw ApiException.unsupported("suffix", "suffix is not supported by this server");
        if (f.has("best_of") && f.integer("best_of", 1, 1, 1) != 1) throw ApiException.unsupported("best_of", "best_of is not supported");
        boolean echo = f.bool("echo", false);
        Sampling sampling = Sampling.read(f, limits);
        int logprobs = Sampling.completionLogprobs(f);
        if (prompts.size() * sampling.n() > limits.maxChoices()) {
            throw ApiException.invalid("n", "prompts × n is " + prompts.size() * sampling.n() + ", above this server's limit of " + limits.maxChoices() + " choices");
        }
        boolean stream = f.bool("stream", false);
        Fields so = f.object("stream_options");
        return new Request(model, prompts, sampling, echo, stream, so != null && so.bool("include_usage", false), logprobs);
    }

    ObjectNode complete(Request req, RequestClock clock) {
        ObjectNode o = head("cmpl-" + Ids.random());
        ArrayNode choices = o.putArray("choices");
        Watch watch = new Watch(clock, null, metrics);
        int prompt = 0, completion = 0, index = 0;
        for (String p : req.prompts()) {
            for (int i = 0; i < req.sampling().n(); i++) {
                int[] ids = model.model().tokenizer().encode(p, true, true);
                List<TokenLogprob> tokens = new ArrayList<>();
                GenerationResult r = model.complete(ids, req.sampling().forChoice(i), listener(watch, null, req.logprobs(), tokens));
                if (watch.timedOut()) throw clock.timeoutError();
                account(r);
                prompt += ids.length;
                completion += r.ids().length;
                String echoed = req.echo() ? p : "";
                choice(choices, index++, echoed + r.text(), finish(r), req.logprobs() < 0 ? null : logprobs.legacy(tokens, echoed.length()));
            }
        }
        o.set("usage", ChatCompletionJson.usage(prompt, completion));
        return o;
    }

    void stream(Request req, RequestClock clock, SseWriter sse) {
        String id = "cmpl-" + Ids.random();
        Watch watch = new Watch(clock, sse, metrics);
        int prompt = 0, completion = 0, index = 0;
        for (String p : req.prompts()) {
            for (int i = 0; i < req.sampling().n() && !watch.stop(); i++) {
                int at = index++;
                int[] ids = model.model().tokenizer().encode(p, true, true);
                if (req.echo()) sse.send(chunk(id, at, p, null, null));
                List<TokenLogprob> pending = new ArrayList<>();   // tokens whose text has not been sent yet
                int[] offset = {req.echo() ? p.length() : 0};
                Function<String, ObjectNode> lps = sent -> {
                    if (req.logprobs() < 0) return null;
                    ObjectNode o = logprobs.legacy(List.copyOf(pending), offset[0]);
                    pending.clear();
                    offset[0] += sent.length();
                    return o;
                };
                GenerationResult r = model.complete(ids, req.sampling().forChoice(i),
                        listener(watch, text -> sse.send(chunk(id, at, text, null, lps.apply(text))), req.logprobs(), pending));
                account(r);
                prompt += ids.length;
                completion += r.ids().length;
                if (watch.clientGone()) return;
                if (watch.timedOut()) {
                    sse.send(Errors.body(clock.timeoutError()));
                    return;
                }
                sse.send(chunk(id, at, "", finish(r), lps.apply("")));
            }
        }
        if (req.includeUsage()) {
            ObjectNode u = head(id);
            u.putArray("choices");
            u.set("usage", ChatCompletionJson.usage(prompt, completion));
            sse.send(u);
        }
        sse.done();
    }

    /** Counts tokens for the clock, passes text on to {@code out} (may be null), collects log-probabilities into {@code tokens} when asked. */
    private static GenerationListener listener(Watch watch, Consumer<String> out, int top, List<TokenLogprob> tokens) {
        return new GenerationListener() {
            @Override
            public void onText(String text) {
                if (out != null && !text.isEmpty()) out.accept(text);
            }

            @Override
            public int topLogprobs() {
                return top;
            }

            @Override
            public void onLogprob(TokenLogprob p) {
                tokens.add(p);
            }

            @Override
            public void onToken(int id) {
                watch.token();
            }

            @Override
            public boolean cancelled() {
                return watch.stop();
            }
        };
    }

    private static String finish(GenerationResult r) {
        return "length".equals(r.stopReason()) ? "length" : "stop";
    }

    private ObjectNode chunk(String id, int index, String text, String finish, ObjectNode logprobs) {
        ObjectNode o = head(id);
        choice(o.putArray("choices"), index, text, finish, logprobs);
        return o;
    }

    private static void choice(ArrayNode choices, int index, String text, String finish, ObjectNode logprobs) {
        ObjectNode c = choices.addObject();
        c.put("index", index);
        c.put("text", text);
        if (logprobs == null) c.putNull("logprobs");
        else c.set("logprobs", logprobs);
        if (finish == null) c.putNull("finish_reason");
        else c.put("finish_reason", finish);
    }

    private ObjectNode head(String id) {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("object", "text_completion");
        o.put("created", System.currentTimeMillis() / 1000);
        o.put("model", model.name());
        return o;
    }

    private void account(GenerationResult r) {
        metrics.tokens(r.promptIds().length, r.ids().length);
        metrics.speed(r.generatedTokensPerSecond());
    }
}
