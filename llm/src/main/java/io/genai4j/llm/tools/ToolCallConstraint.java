package io.genai4j.llm.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.TokenConstraint;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.llm.grammar.Constraints;
import io.genai4j.llm.grammar.Grammar;
import io.genai4j.llm.grammar.GrammarMatcher;
import io.genai4j.llm.grammar.JsonSchema;
import io.genai4j.text.vocab.LlmTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Free text until a tool call starts, then the grammar engine: once the answer has written the
 * format's opening ({@code <tool_call>} for Hermes/Qwen), the call must be {@code {"name": N,
 * "arguments": A}} with N one of the offered tools and A valid against that tool's parameter schema,
 * followed by the closing text; after it the answer is free again (another call may follow), or,
 * when calls may not come in parallel, can only end. So a model may choose whether to call, but
 * never writes a call that does not parse or fit its tool.
 * Only formats with an opening and a closing text are constrained ({@link #of} gives null otherwise).
 */
public final class ToolCallConstraint implements TokenConstraint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TokenConstraint.Factory call;
    private final LlmTokenizer tokenizer;
    private final long[] any;
    private final long[] afterCall;      // what may follow a finished call: anything, or only the end
    private final byte[] opening;
    private byte[] tail = new byte[0];   // the last bytes written, to see the opening
    private TokenConstraint inCall;      // the call's grammar while a call is being written
    private boolean called;              // a call has been written

    private ToolCallConstraint(TokenConstraint.Factory call, LlmTokenizer tokenizer, long[] any, long[] afterCall, byte[] opening) {
        this.call = call;
        this.tokenizer = tokenizer;
        this.any = any;
        this.afterCall = afterCall;
        this.opening = opening;
    }

    /**
     * A factory constraining calls to {@code tools} in {@code format}, or null when the format has no
     * opening and closing text. With {@code parallel} false (OpenAI's {@code parallel_tool_calls:
     * false}) the answer ends after its first call.
     */
    public static TokenConstraint.Factory of(ToolCallFormat format, List<ToolSpec> tools, boolean parallel, LlmTokenizer tokenizer, int vocabSize) {
        if (format.starts.isEmpty() || format.end == null || tools.isEmpty()) return null;
        Grammar callObject = JsonSchema.grammar(callSchema(tools, format.argumentsKey), JsonSchema.Separators.PYTHON);   // as templates render calls (tojson)
        TokenConstraint.Factory call = Constraints.of(wrapped(callObject, format.end), tokenizer);
        long[] any = new long[(vocabSize + 63) >>> 6];
        Arrays.fill(any, -1L);
        if ((vocabSize & 63) != 0) any[any.length - 1] = (1L << (vocabSize & 63)) - 1;
        long[] afterCall = any;
        if (!parallel) {
            afterCall = new long[any.length];
            for (int id = 0; id < vocabSize; id++) if (tokenizer.isEndOfGeneration(id)) afterCall[id >>> 6] |= 1L << id;
        }
        byte[] opening = format.starts.getFirst().getBytes(StandardCharsets.UTF_8);
        long[] after = afterCall;
        return () -> new ToolCallConstraint(call, tokenizer, any, after, opening);
    }

    /**
     * Tool calls or the answer {@code answerSchema} asks for ({@code tools} together with {@code
     * response_format}): the answer is either JSON valid against that schema, or calls in the
     * format, each held to the tools' schemas like {@link #of}'s calls. Formats that open calls with
     * a marker ({@code <tool_call>}) take one or more marked calls, one per line, as the templates
     * render them; array formats (Mistral) a JSON list of one or more calls; formats that read one
     * JSON object at the start of an answer as a call (Llama 3.1) that one object. With {@code
     * parallel} false (OpenAI's {@code parallel_tool_calls: false}) the answer holds one call at
     * most. The model picks the branch with its first tokens.
     */
    public static GrammarMatcher orAnswer(ToolCallFormat format, List<ToolSpec> tools, String answerSchema, boolean parallel, LlmTokenizer tokenizer) {
        Grammar answer = JsonSchema.grammar(answerSchema);
        String callSchema = callSchema(tools, format.argumentsKey);
        Grammar call;
        if (format.end != null && !format.starts.isEmpty()) {
            Grammar wrapped = wrapped(JsonSchema.grammar(callSchema, JsonSchema.Separators.PYTHON), format.end);
            List<Grammar.Rule> rules = new ArrayList<>(wrapped.rules());
            List<Grammar.Element> opened = new ArrayList<>(literal(format.starts.getFirst()));
            opened.add(new Grammar.Ref(wrapped.root()));
            rules.add(new Grammar.Rule("opened-call", List.of(opened)));
            if (parallel) {   // calls := opened-call | opened-call "\n" calls
                int one = rules.size() - 1, self = rules.size();
                List<Grammar.Element> more = new ArrayList<>(List.of(new Grammar.Ref(one), new Grammar.Chars(new int[] {'\n', '\n'}), new Grammar.Ref(self)));
                rules.add(new Grammar.Rule("opened-calls", List.of(List.of(new Grammar.Ref(one)), more)));
            }
            call = new Grammar(rules, rules.size() - 1);
        } else if (format.array) {
            String list = "{\"type\":\"array\",\"items\":" + callSchema + ",\"minItems\":1" + (parallel ? "" : ",\"maxItems\":1") + "}";
            call = JsonSchema.grammar(list, JsonSchema.Separators.PYTHON);
        } else if (format.jsonAtStart) {
            call = JsonSchema.grammar(callSchema, JsonSchema.Separators.PYTHON);
        } else {
            throw new IllegalArgumentException("tool calls in the " + format + " format cannot be told apart from a response_format answer");
        }
        return Constraints.of(either(answer, call), tokenizer);
    }

    /** One grammar whose root is a's root or b's (b's rules renumbered after a's). */
    static Grammar either(Grammar a, Grammar b) {
        List<Grammar.Rule> rules = new ArrayList<>(a.rules());
        int shift = rules.size();
        for (Grammar.Rule r : b.rules()) {
            List<List<Grammar.Element>> alts = new ArrayList<>();
            for (List<Grammar.Element> alt : r.alternatives()) {
                alts.add(alt.stream().map(e -> e instanceof Grammar.Ref ref ? (Grammar.Element) new Grammar.Ref(ref.rule() + shift) : e).toList());
            }
            rules.add(new Grammar.Rule("call-" + r.name(), alts));
        }
        rules.add(new Grammar.Rule("answer-or-call", List.of(List.of(new Grammar.Ref(a.root())), List.of(new Grammar.Ref(b.root() + shift)))));
        return new Grammar(rules, rules.size() - 1);
    }

    private static List<Grammar.Element> literal(String s) {
        List<Grammar.Element> out = new ArrayList<>();
        for (int cp : s.codePoints().toArray()) out.add(new Grammar.Chars(new int[] {cp, cp}));
        return out;
    }

    /** {"anyOf": [{name: const N, arguments: schema of N}, ...]} (one tool: its object alone), both keys required, in that order. */
    static String callSchema(List<ToolSpec> tools, String argumentsKey) {
        ArrayNode variants = JSON.createArrayNode();
        for (ToolSpec t : tools) {
            ObjectNode v = variants.addObject().put("type", "object").put("additionalProperties", false);
            ObjectNode props = v.putObject("properties");
            props.putObject("name").put("const", t.name());
            try {
                props.set(argumentsKey, JSON.readTree(t.parametersSchema()));
            } catch (IOException e) {
                throw new UncheckedIOException("the parameters of tool " + t.name() + " are not JSON", e);
            }
            v.putArray("required").add("name").add(argumentsKey);
        }
        if (variants.size() == 1) return variants.get(0).toString();
        ObjectNode schema = JSON.createObjectNode();
        schema.set("anyOf", variants);
        return schema.toString();
    }

    /** An optional newline, the call object, then "\n" + the closing text: the call as the format writes it. */
    static Grammar wrapped(Grammar object, String closing) {
        List<Grammar.Rule> rules = new ArrayList<>(object.rules());
        List<Grammar.Element> tail = literal("\n" + closing);
        List<Grammar.Element> withNewline = new ArrayList<>(List.of(new Grammar.Chars(new int[] {'\n', '\n'}), new Grammar.Ref(object.root())));
        withNewline.addAll(tail);
        List<Grammar.Element> without = new ArrayList<>(List.of(new Grammar.Ref(object.root())));
        without.addAll(tail);
        rules.add(new Grammar.Rule("tool-call", List.of(withNewline, without)));
        return new Grammar(rules, rules.size() - 1);
    }

    @Override
    public long[] allowed() {
        return inCall != null ? inCall.allowed() : called ? afterCall : any;
    }

    @Override
    public void accept(int token) {
        if (inCall != null) {
            inCall.accept(token);
            if (inCall.complete()) {
                inCall = null;
                called = true;
                tail = new byte[0];
            }
            return;
        }
        byte[] piece = tokenizer.piece(token, false);
        byte[] joined = Arrays.copyOf(tail, tail.length + piece.length);
        System.arraycopy(piece, 0, joined, tail.length, piece.length);
        tail = Arrays.copyOfRange(joined, Math.max(0, joined.length - opening.length), joined.length);
        if (Arrays.equals(tail, opening)) inCall = call.start();
    }

    @Override
    public boolean complete() {
        return false;   // outside a call the answer may go on or end
    }

    /**
     * Nothing is forced: fast-forwarding the call's fixed text ({@code "arguments": }) would cut it
     * into tokens the model never saw there (a lone space before a brace it writes as " {" in one
     * token), and a small model then loses its way. Under the mask it writes them itself, its way.
     */
    @Override
    public int[] forced() {
        return new int[0];
    }
}
