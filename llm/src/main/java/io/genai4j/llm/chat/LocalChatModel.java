package io.genai4j.llm.chat;

import io.genai4j.llm.GenerationListener;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.models.llama.LoadedModel;
import java.util.Arrays;

/**
 * A loaded model answering chat requests on this machine: the conversation is rendered through the
 * model's chat template, the prompt runs in a session of a {@link SessionPool} (so a follow-up turn
 * reuses the KV cache of the turns before it, and {@code parallel} requests run at once), and the
 * answer is generated with the request's options, capped by the room left in the context.
 */
public final class LocalChatModel implements ChatModel {
    private final String name;
    private final LoadedModel model;
    private final Generator generator;
    private final ChatRenderer renderer;
    private final SessionPool pool;

    public LocalChatModel(LoadedModel model, String name, int parallel) {
        this.name = name;
        this.model = model;
        this.generator = new Generator(model);
        this.renderer = new ChatRenderer(model);
        this.pool = new SessionPool(generator, parallel, Math.min(1024, model.config().contextLength()));
    }

    @Override
    public String name() {
        return name;
    }

    public LoadedModel model() {
        return model;
    }

    public ChatRenderer renderer() {
        return renderer;
    }

    public SessionPool pool() {
        return pool;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        if (request.responseFormat().kind() != ResponseFormat.Kind.TEXT) {
            throw new IllegalArgumentException("response format " + request.responseFormat().kind().name().toLowerCase() + " is not available on this model yet");
        }
        int[] ids = renderer.encode(request.messages(), "none".equals(request.toolChoice()) ? null : request.tools());
        GenerationResult r = complete(ids, request.options(), forward(listener));
        String finish = switch (r.stopReason()) {
            case "eos", "stop" -> "stop";
            default -> r.stopReason();
        };
        return new ChatResponse(ChatMessage.assistant(r.text()), finish,
                new ChatResponse.Usage(ids.length, r.ids().length, r.promptTokensPerSecond(), r.generatedTokensPerSecond()));
    }

    /**
     * Continues prompt ids as they are (no template: a text completion) in a session of the pool,
     * which then remembers them and the answer for a follow-up; max tokens are capped by the room
     * left in the context.
     */
    public GenerationResult complete(int[] ids, GenerationOptions options, GenerationListener listener) {
        int context = model.config().contextLength();
        int room = context - ids.length;
        if (room <= 0) {
            throw new IllegalArgumentException("the prompt is " + ids.length + " tokens, more than the model's context of " + context
                    + " tokens; shorten it or start a new one");
        }
        GenerationOptions o = options;
        if (o.maxTokens() > room) o = o.withMaxTokens(room);
        SessionPool.Lease lease;
        try {
            lease = pool.acquire(ids, Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free session", e);
        }
        int reused = lease.reused();
        try {
            GenerationResult r = generator.continueFrom(lease.session(), Arrays.copyOf(ids, reused), Arrays.copyOfRange(ids, reused, ids.length), o,
                    listener);
            int[] all = Arrays.copyOf(ids, ids.length + r.ids().length);
            System.arraycopy(r.ids(), 0, all, ids.length, r.ids().length);
            lease.holds(all);
            return r;
        } catch (RuntimeException e) {
            lease.holds(Arrays.copyOf(ids, reused));   // what is known to be right: the prefix it started from
            throw e;
        } finally {
            pool.release(lease);
        }
    }

    private static GenerationListener forward(ChatListener l) {
        return new GenerationListener() {
            @Override
            public void onText(String text) {
                l.onText(text);
            }

            @Override
            public boolean cancelled() {
                return l.cancelled();
            }
        };
    }
}
