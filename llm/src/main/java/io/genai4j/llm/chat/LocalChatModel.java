package io.genai4j.llm.chat;

import io.genai4j.llm.GenerationListener;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.llm.TokenLogprob;
import io.genai4j.llm.tools.ToolCallConstraint;
import io.genai4j.llm.tools.ToolCallFormat;
import io.genai4j.llm.tools.ToolCallParser;
import io.genai4j.models.llama.LoadedModel;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A loaded model answering chat requests on this machine: the conversation is rendered through the
 * model's chat template, the prompt runs in a session of a {@link SessionPool} (so a follow-up turn
 * reuses the KV cache of the turns before it, and {@code parallel} requests run at once), and the
 * answer is generated with the request's options, capped by the room left in the context.
 * Offered tools are rendered the model's way and calls parsed out of the answer as it streams
 * ({@link ToolUse}); an answer with calls ends with finish reason {@code tool_calls}. A call, once
 * started, is held to the offered tools' schemas by the grammar engine ({@link ToolCallConstraint}),
 * and a {@code response_format} to its JSON Schema; with both, the answer is either a call or the
 * formatted answer ({@link ToolCallConstraint#orAnswer}). A forced call ignores the response format.
 */
public final class LocalChatModel implements ChatModel {
    private static final SecureRandom CALL_IDS = new SecureRandom();
    private final String name;
    private final LoadedModel model;
    private final Generator generator;
    private final ChatRenderer renderer;
    private final SessionPool pool;
    private final ResponseFormats formats;
    private final int context;
    private volatile boolean constrainToolCalls = true;

    public LocalChatModel(LoadedModel model, String name, int parallel) {
        this(model, name, parallel, model.config().contextLength());
    }

    /** With {@code context} tokens per session (prompt and answer), at most the model's context length. */
    public LocalChatModel(LoadedModel model, String name, int parallel, int context) {
        int max = model.config().contextLength();
        if (context < 1 || context > max) throw new IllegalArgumentException("a context of " + context + " tokens per session is outside 1.." + max + " (the model's context length)");
        this.context = context;
        this.name = name;
        this.model = model;
        // Parallel sessions decode together: one weight pass per step for all the answers being written.
        this.generator = parallel > 1 ? new Generator(model).batched() : new Generator(model);
        this.renderer = new ChatRenderer(model);
        this.pool = new SessionPool(generator, parallel, Math.min(1024, context));
        this.formats = new ResponseFormats(model.tokenizer());
    }

    private LocalChatModel(LocalChatModel base, String name) {
        this.context = base.context;
        this.name = name;
        this.model = base.model;
        this.generator = base.generator;
        this.renderer = base.renderer;
        this.formats = base.formats;
        this.constrainToolCalls = base.constrainToolCalls;
        this.pool = new SessionPool(generator, base.pool.size(), Math.min(1024, context));
    }

    /**
     * The same loaded model under another name, with sessions of its own made now: made while a LoRA
     * adapter is attached to the model's layers, they keep running base + adapter (the runtime's
     * unmerged side paths) after the adapter is detached, so one base serves several adapters, each
     * request picking one by name. It shares this model's generator, so with {@code parallel} > 1
     * its answers decode in one batch with the base's and the other adapters'.
     */
    public LocalChatModel withSessionsOfNow(String name) {
        return new LocalChatModel(this, name);
    }

    /**
     * Whether a tool call, once the answer starts one, is held to the grammar of the offered tools'
     * schemas (the default; off to measure what the model writes on its own).
     */
    public LocalChatModel constrainToolCalls(boolean on) {
        constrainToolCalls = on;
        return this;
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

    /** Tokens one session holds: the prompt and the answer together. */
    public int context() {
        return context;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        ToolUse tools = ToolUse.of(request, ToolCallFormat.of(renderer.template().source()));
        GenerationOptions options = request.options();
        if (request.responseFormat().kind() != ResponseFormat.Kind.TEXT && tools.opening().isEmpty()) {
            if (tools.format() == null) {
                options = options.withConstraint(formats.of(request.responseFormat()));
            } else {
                // Tools and a response format: the answer is a tool call or the formatted answer, the model's choice.
                ToolCallFormat format = tools.format();
                String schema = ResponseFormats.schema(request.responseFormat());
                boolean parallel = request.parallelToolCalls();
                String key = "tools or answer " + format + " " + request.tools() + " " + schema + " " + parallel;
                options = options.withConstraint(formats.cached(key, () -> ToolCallConstraint.orAnswer(format, request.tools(), schema, parallel, model.tokenizer())));
            }
        } else if (constrainToolCalls && tools.format() != null && tools.opening().isEmpty() && options.constraint() == null) {
            ToolCallFormat format = tools.format();
            boolean parallel = request.parallelToolCalls();
            String key = "tools " + format + " " + request.tools() + " " + parallel;   // ToolSpec records: name, description, schema
            options = options.withConstraint(formats.cached(key, () -> ToolCallConstraint.of(format, request.tools(), parallel, model.tokenizer(), model.config().vocabSize())));
        }
        int[] ids = renderer.encode(renderer.render(tools.messages(), tools.rendered(), true) + tools.opening());
        ToolCallParser parser = tools.parser(listener, "call_" + Long.toHexString(CALL_IDS.nextLong() & 0xffffffffL) + "_");
        if (parser != null) parser.add(tools.opening());   // a forced call's opening is the answer's, though the prompt holds it
        GenerationResult r = complete(ids, options, forward(listener, parser));
        String finish = switch (r.stopReason()) {
            case "eos", "stop" -> "stop";
            default -> r.stopReason();
        };
        ChatMessage answer = ChatMessage.assistant(r.text());
        if (parser != null) {
            parser.finish();
            answer = ChatMessage.assistant(parser.text(), parser.calls());
            if (!parser.calls().isEmpty() && finish.equals("stop")) finish = "tool_calls";
        }
        return new ChatResponse(answer, finish,
                new ChatResponse.Usage(ids.length, r.ids().length, r.promptTokensPerSecond(), r.generatedTokensPerSecond()));
    }

    /**
     * Continues prompt ids as they are (no template: a text completion) in a session of the pool,
     * which then remembers them and the answer for a follow-up; max tokens are capped by the room
     * left in the session's context.
     *
     * @throws PromptTooLongException if the prompt leaves no room for an answer
     */
    public GenerationResult complete(int[] ids, GenerationOptions options, GenerationListener listener) {
        int room = context - ids.length;
        if (room <= 0) throw new PromptTooLongException(ids.length, context, context == model.config().contextLength());
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

    private static GenerationListener forward(ChatListener l, ToolCallParser parser) {
        return new GenerationListener() {
            @Override
            public void onText(String text) {
                if (parser != null) parser.add(text);
                else l.onText(text);
            }

            @Override
            public int topLogprobs() {
                return l.topLogprobs();
            }

            @Override
            public void onLogprob(TokenLogprob logprob) {
                l.onLogprob(logprob);
            }

            @Override
            public boolean cancelled() {
                return l.cancelled();
            }
        };
    }
}
