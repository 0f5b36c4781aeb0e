package io.genai4j.cli.llm;

import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.models.llama.LoadedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One conversation with a loaded model. Every turn the whole conversation is rendered through the
 * chat template; the KV cache keeps the part of it that did not change, so only the new tokens run
 * through the model. A turn that fails (a message that does not fit the context, a template that
 * raises an error) is undone: the message is dropped and the cache cut back to what it agrees
 * with, so the conversation goes on as if the message had not been sent.
 */
final class ChatSession {
    private final LoadedModel model;
    private final Generator generator;
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private final Session session;
    private final KvCache cache;
    /** The ids whose keys and values the cache holds: always cache.length() of them. */
    private int[] cached = new int[0];

    ChatSession(LoadedModel model, String system) {
        this.model = model;
        this.generator = new Generator(model);
        this.session = generator.newSession(1024);
        this.cache = session.cache();
        if (system != null) messages.add(ChatTemplate.message("system", system));
    }

    /**
     * Sends a user message and streams the answer to onText. options gets the room left in the
     * context (at least 1 token) and returns the generation options for this turn.
     */
    GenerationResult send(String text, IntFunction<GenerationOptions> options, Consumer<String> onText) {
        messages.add(ChatTemplate.message("user", text));
        int agreed = cached.length;   // cache positions known to match the conversation, if this turn fails
        try {
            int[] all = model.tokenizer().encode(ChatChat.render(model, messages), false, true);
            int context = model.config().contextLength();
            int room = context - all.length;
            if (room <= 0) {
                throw new IllegalArgumentException("this message would make the conversation " + all.length + " tokens, more than the model's context of "
                        + context + "; it was not sent (send a shorter one, or /reset to start over)");
            }
            int common = 0;
            while (common < cached.length && common < all.length - 1 && cached[common] == all[common]) common++;
            agreed = common;
            cache.truncate(common);
            int[] history = Arrays.copyOf(all, common);
            int[] fresh = Arrays.copyOfRange(all, common, all.length);
            GenerationResult r = generator.continueFrom(session, history, fresh, options.apply(room), onText == null ? null : onText::accept);
            messages.add(ChatTemplate.message("assistant", r.text()));
            int[] now = Arrays.copyOf(all, all.length + r.ids().length);
            System.arraycopy(r.ids(), 0, now, all.length, r.ids().length);
            cached = Arrays.copyOf(now, cache.length());
            return r;
        } catch (RuntimeException e) {
            messages.removeLast();
            cache.truncate(Math.min(agreed, cache.length()));
            cached = Arrays.copyOf(cached, cache.length());
            throw e;
        }
    }

    /** Forgets everything but the system prompt. */
    void reset() {
        messages.removeIf(msg -> !"system".equals(msg.get("role")));
        cache.clear();
        cached = new int[0];
    }

    /** Messages in the conversation, the system prompt included. */
    int messages() {
        return messages.size();
    }
}
