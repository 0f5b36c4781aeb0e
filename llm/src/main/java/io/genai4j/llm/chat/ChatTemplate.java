package io.genai4j.llm.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's chat template ({@code tokenizer.chat_template}, a Jinja2 program) rendered with
 * Jinjava the way transformers' apply_chat_template renders it: trim_blocks and lstrip_blocks on,
 * variables {@code messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token},
 * {@code tools}; functions {@code raise_exception(msg)} and {@code strftime_now(format)}; the
 * {@code tojson} filter writing JSON as Python's json.dumps does. A model without a template gets
 * ChatML ({@link #CHATML}).
 */
public final class ChatTemplate {
    /** Largest list or map a template may build (a conversation's messages and tools are far fewer). */
    static final int MAX_COLLECTION = 100_000;

    /** The fallback: ChatML, the format of Qwen, SmolLM and many others. */
    public static final String CHATML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /**
     * What one render may cost. A template is code from a model file: without limits a triple loop
     * of range(1000) runs a billion steps, and a doubling string grows until the heap is gone.
     *
     * @param maxOutputBytes  the longest prompt (and string) a render may build, in UTF-8 bytes; far beyond any context window
     * @param maxSteps        template nodes evaluated (each loop iteration counts its body's tags)
     * @param maxMillis       wall-clock time of one render
     */
    public record Limits(long maxOutputBytes, long maxSteps, long maxMillis) {
        /** 32 MiB of text, 2 million steps (a second or two), 10 s: a 2000-message conversation takes under a tenth. */
        public static final Limits DEFAULT = new Limits(32L << 20, 2_000_000, 10_000);
    }

    private final String source;
    private final String template;
    private final Jinjava jinja;
    private final Limits limits;
    /** Steps and deadline of the render in progress on this thread (renders may run on several threads). */
    private final ThreadLocal<Budget> budget = new ThreadLocal<>();

    public ChatTemplate(String template) {
        this(template, Limits.DEFAULT);
    }

    public ChatTemplate(String template, Limits limits) {
        this.source = template;
        // Python string methods that real templates call, spelled the way Java's String answers them.
        // Jinjava honours whitespace control on {% %} tags but not on {{- and -}}: strip it here, as Jinja2 does.
        String t = template.replaceAll("\\s*\\{\\{-", "{{").replaceAll("-}}\\s*", "}}");
        t = t.replace(".startswith(", ".startsWith(").replace(".endswith(", ".endsWith(")
                .replace(".upper()", ".toUpperCase()").replace(".lower()", ".toLowerCase()");
        this.template = notBindsLooserThanComparisons(t);
        this.limits = limits;
        JinjavaConfig cfg = JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true).withFailOnUnknownTokens(false)
                .withMaxOutputSize(limits.maxOutputBytes()).withMaxStringLength(limits.maxOutputBytes())
                .withMaxListSize(MAX_COLLECTION).withMaxMapSize(MAX_COLLECTION)
                .withNodePreProcessor((node, interpreter) -> step()).build();
        jinja = new Jinjava(cfg);
        jinja.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class, "raiseException", String.class));
        jinja.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now", ChatTemplate.class, "strftimeNow", String.class));
        jinja.getGlobalContext().registerFilter(new ToJson());
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("\\{%.*?%}", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern NOT_COMPARISON =
            java.util.regex.Pattern.compile("\\bnot\\s+([^\\s()]+)\\s*(==|!=|<=|>=|<|>)\\s*([^\\s()%]+)");

    /**
     * In Jinja2 {@code not a|length == 1} is {@code not (a|length == 1)}; Jinjava binds {@code not}
     * to the operand first (and then compares a boolean with a number: Llama 3.1's template fails on
     * any tool call). Inside {@code {% %}} tags such a comparison gets its parentheses.
     */
    static String notBindsLooserThanComparisons(String t) {
        java.util.regex.Matcher tags = TAG.matcher(t);
        StringBuilder out = new StringBuilder();
        while (tags.find()) {
            String fixed = NOT_COMPARISON.matcher(tags.group()).replaceAll("not ($1 $2 $3)");
            tags.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(fixed));
        }
        tags.appendTail(out);
        return out.toString();
    }

    /** The model's template, or ChatML when it has none. */
    public static ChatTemplate orDefault(String template) {
        return new ChatTemplate(template == null || template.isBlank() ? CHATML : template);
    }

    public String source() {
        return source;
    }

    /**
     * Renders a conversation. Messages are maps with "role" and "content" (and "tool_calls" for
     * assistant tool calls); tools may be null.
     *
     * @throws IllegalArgumentException with the template's own message when it raises an exception or fails
     */
    public String render(List<Map<String, Object>> messages, boolean addGenerationPrompt, String bosToken, String eosToken, List<Map<String, Object>> tools) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("messages", messages);
        ctx.put("add_generation_prompt", addGenerationPrompt);
        ctx.put("bos_token", bosToken == null ? "" : bosToken);
        ctx.put("eos_token", eosToken == null ? "" : eosToken);
        ctx.put("tools", tools);
        RenderResult r;
        budget.set(new Budget(System.nanoTime() + limits.maxMillis() * 1_000_000));
        try {
            r = jinja.renderForResult(template, ctx);
        } catch (TooCostly e) { // thrown outside any tag (Jinjava reports those inside tags as errors)
            throw new IllegalArgumentException("chat template: " + e.getMessage());
        } finally {
            budget.remove();
        }
        for (TemplateError e : r.getErrors()) {
            if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                String msg = e.getMessage();
                Throwable ex = e.getException();
                while (ex != null) {
                    if (ex instanceof TemplateRaised || ex instanceof TooCostly) msg = ex.getMessage();
                    else if (ex instanceof OutputTooBigException) msg = "the rendered prompt exceeds " + limits.maxOutputBytes() + " bytes";
                    ex = ex.getCause();
                }
                throw new IllegalArgumentException("chat template: " + msg);
            }
        }
        return r.getOutput();
    }

    /** Counts one template step against the render's budget. */
    private void step() {
        Budget b = budget.get();
        if (b == null) return;
        if (++b.steps > limits.maxSteps()) {
            throw new TooCostly("the template ran more than " + limits.maxSteps() + " steps (a runaway loop?)");
        }
        // The clock is read every 1024 steps: cheap, and a step never takes long on its own.
        if ((b.steps & 1023) == 0 && System.nanoTime() > b.deadline) {
            throw new TooCostly("the template ran longer than " + limits.maxMillis() + " ms");
        }
    }

    private static final class Budget {
        final long deadline;
        long steps;

        Budget(long deadline) {
            this.deadline = deadline;
        }
    }

    /** A render over its {@link Limits}. */
    static final class TooCostly extends RuntimeException {
        TooCostly(String m) {
            super(m);
        }
    }

    /** One message, for callers that build conversations. */
    public static Map<String, Object> message(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    /** raise_exception(message): the template rejects the conversation. */
    public static String raiseException(String message) {
        throw new TemplateRaised(message);
    }

    /** strftime_now(format): today's date, for the %d %b %B %Y %m %y codes templates use. */
    public static String strftimeNow(String format) {
        LocalDate d = LocalDate.now();
        return format.replace("%d", String.format(Locale.ROOT, "%02d", d.getDayOfMonth()))
                .replace("%b", d.format(DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH)))
                .replace("%B", d.format(DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH)))
                .replace("%Y", Integer.toString(d.getYear()))
                .replace("%y", String.format(Locale.ROOT, "%02d", d.getYear() % 100))
                .replace("%m", String.format(Locale.ROOT, "%02d", d.getMonthValue()));
    }

    /** The exception raise_exception throws, recognised when reporting the error. */
    static final class TemplateRaised extends RuntimeException {
        TemplateRaised(String m) {
            super(m);
        }
    }

    /** tojson as transformers defines it: json.dumps(x, ensure_ascii=False), keys in insertion order. */
    static final class ToJson implements Filter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            int indent = args.length > 0 && args[0] != null && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : -1;
            StringBuilder sb = new StringBuilder();
            write(sb, var, indent, 0);
            return sb.toString();
        }

        private static void write(StringBuilder sb, Object v, int indent, int depth) {
            switch (v) {
                case null -> sb.append("null");
                case String s -> io.genai4j.engine.io.Json.appendString(sb, s);
                case Boolean b -> sb.append(b);
                case Number n -> sb.append(n instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d) : n.toString());
                case Map<?, ?> m -> {
                    sb.append('{');
                    boolean first = true;
                    for (var e : m.entrySet()) {
                        if (!first) sb.append(indent < 0 ? ", " : ",");
                        first = false;
                        newline(sb, indent, depth + 1);
                        io.genai4j.engine.io.Json.appendString(sb, String.valueOf(e.getKey())).append(": ");
                        write(sb, e.getValue(), indent, depth + 1);
                    }
                    if (!m.isEmpty()) newline(sb, indent, depth);
                    sb.append('}');
                }
                case Iterable<?> l -> {
                    List<Object> items = new ArrayList<>();
                    l.forEach(items::add);
                    sb.append('[');
                    for (int i = 0; i < items.size(); i++) {
                        if (i > 0) sb.append(indent < 0 ? ", " : ",");
                        newline(sb, indent, depth + 1);
                        write(sb, items.get(i), indent, depth + 1);
                    }
                    if (!items.isEmpty()) newline(sb, indent, depth);
                    sb.append(']');
                }
                default -> io.genai4j.engine.io.Json.appendString(sb, v.toString());
            }
        }

        private static void newline(StringBuilder sb, int indent, int depth) {
            if (indent < 0) return;
            sb.append('\n').append(" ".repeat(indent * depth));
        }
    }

    /** Messages as mutable maps Jinjava can read. */
    public static List<Map<String, Object>> copy(List<Map<String, Object>> messages) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : messages) out.add(new LinkedHashMap<>(m));
        return out;
    }
}
