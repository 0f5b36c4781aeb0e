package io.genai4j.llm.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.llm.TokenConstraint;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.llm.grammar.GrammarMatcher;
import io.genai4j.llm.grammar.RandomDecoding;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.text.vocab.LlmTokenizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A tool call, once its opening is written, can only be a call to an offered tool with arguments
 * its schema accepts: decoding uniformly at random among the allowed tokens (the worst a model could
 * do) always yields a call that parses, names a tool and fits its schema; outside calls every token
 * is allowed.
 */
class ToolCallConstraintTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<ToolSpec> TOOLS = List.of(
            new ToolSpec("calc", "arithmetic", "{\"type\":\"object\",\"properties\":{\"expression\":{\"type\":\"string\",\"maxLength\":12}},"
                    + "\"required\":[\"expression\"],\"additionalProperties\":false}"),
            new ToolSpec("convert", "units", "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":999},"
                    + "\"unit\":{\"enum\":[\"km\",\"mi\"]}},\"required\":[\"value\",\"unit\"],\"additionalProperties\":false}"));

    @Test
    void randomDecodingInsideACallAlwaysGivesAValidCall() throws Exception {
        try (LoadedModel m = TinyAssistant.load()) {
            LlmTokenizer tok = m.tokenizer();
            int vocab = m.config().vocabSize();
            TokenConstraint.Factory f = ToolCallConstraint.of(ToolCallFormat.HERMES, TOOLS, true, tok, vocab);
            Random rng = new Random(5);
            for (int trial = 0; trial < 30; trial++) {
                TokenConstraint c = f.start();
                for (int id : tok.encode("Let me see. <tool_call>", false, true)) {
                    assertTrue(TokenConstraint.isAllowed(c.allowed(), id), "free text allows every token");
                    c.accept(id);
                }
                ByteArrayOutputStream call = new ByteArrayOutputStream();
                for (int step = 0; step < 400 && !call.toString(StandardCharsets.UTF_8).endsWith("</tool_call>"); step++) {
                    int[] forced = c.forced();
                    int next = forced.length > 0 ? forced[0] : pick(c.allowed(), vocab, rng);
                    assertFalse(tok.isEndOfGeneration(next), "a call cannot end the answer");
                    c.accept(next);
                    call.writeBytes(tok.piece(next, false));
                }
                String text = call.toString(StandardCharsets.UTF_8);
                assertTrue(text.endsWith("\n</tool_call>"), text);
                JsonNode j = JSON.readTree(text.substring(0, text.length() - "</tool_call>".length()));
                JsonNode args = j.get("arguments");
                switch (j.get("name").asText()) {
                    case "calc" -> assertTrue(   // maxLength counts code points, as JSON Schema does
                            args.size() == 1 && args.get("expression").isTextual() && args.get("expression").asText().codePointCount(0, args.get("expression").asText().length()) <= 12, text);
                    case "convert" -> {
                        assertTrue(args.size() == 2 && args.get("value").isIntegralNumber(), text);
                        assertTrue(args.get("value").asInt() >= 0 && args.get("value").asInt() <= 999, text);
                        assertTrue(List.of("km", "mi").contains(args.get("unit").asText()), text);
                    }
                    default -> throw new AssertionError("not an offered tool: " + text);
                }
                assertEquals(2, j.size(), text);
                int id = tok.encode(" done", false, false)[0];
                assertTrue(TokenConstraint.isAllowed(c.allowed(), id), "after the call the answer is free again");
            }
        }
    }

    @Test
    void withoutParallelCallsTheAnswerEndsAfterItsFirstCall() throws Exception {
        try (LoadedModel m = TinyAssistant.load()) {
            LlmTokenizer tok = m.tokenizer();
            int vocab = m.config().vocabSize();
            TokenConstraint c = ToolCallConstraint.of(ToolCallFormat.HERMES, TOOLS, false, tok, vocab).start();
            for (int id : tok.encode("<tool_call>\n{\"name\": \"calc\", \"arguments\": {\"expression\": \"1+1\"}}\n</tool_call>", false, true)) {
                assertTrue(TokenConstraint.isAllowed(c.allowed(), id), "the call itself is allowed");
                c.accept(id);
            }
            int ends = 0;
            for (int id = 0; id < vocab; id++) {
                assertEquals(tok.isEndOfGeneration(id), TokenConstraint.isAllowed(c.allowed(), id), "after the call only the end, token " + id);
                if (tok.isEndOfGeneration(id)) ends++;
            }
            assertTrue(ends > 0, "the vocabulary has an end-of-generation token");
        }
    }

    private static final String ANSWER = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":99}},"
            + "\"required\":[\"answer\"],\"additionalProperties\":false}";
    private static final Pattern HERMES_CALL = Pattern.compile("<tool_call>\n?(.*?)\n</tool_call>", Pattern.DOTALL);

    @Test
    void withAResponseFormatTheAnswerIsCallsOrTheSchemasJson() throws Exception {
        try (LoadedModel m = TinyAssistant.load()) {
            for (ToolCallFormat format : List.of(ToolCallFormat.HERMES, ToolCallFormat.MISTRAL, ToolCallFormat.LLAMA31)) {
                for (boolean parallel : List.of(true, false)) {
                    GrammarMatcher g = ToolCallConstraint.orAnswer(format, TOOLS, ANSWER, parallel, m.tokenizer());
                    int answers = 0, oneCall = 0, severalCalls = 0;
                    for (int trial = 0; trial < 40; trial++) {
                        RandomDecoding.Result r = RandomDecoding.run(g, new SplittableRandom(trial), 600);
                        String text = r.text().strip();
                        assertTrue(r.complete(), format + ": " + text);
                        int calls = calls(format, text);
                        if (calls == 0) answers++;
                        else if (calls == 1) oneCall++;
                        else severalCalls++;
                    }
                    String what = format + " parallel " + parallel + ": " + answers + " answers, " + oneCall + " single calls, " + severalCalls + " several";
                    assertTrue(answers > 0 && oneCall > 0, what + ": both branches are open");
                    boolean canHoldSeveral = parallel && format != ToolCallFormat.LLAMA31;   // Llama 3.1 writes one JSON call per answer
                    assertEquals(canHoldSeveral, severalCalls > 0, what);
                }
            }
        }
    }

    /** The calls in a decoded answer, each checked against its tool; 0 when it is the schema's answer (checked too). */
    private static int calls(ToolCallFormat format, String text) throws Exception {
        if (format == ToolCallFormat.HERMES && text.startsWith("<tool_call>")) {
            Matcher call = HERMES_CALL.matcher(text);
            List<String> parts = new ArrayList<>();
            while (call.find()) {
                assertValidCall(JSON.readTree(call.group(1)), "arguments", text);
                parts.add(call.group());
            }
            assertEquals(text, String.join("\n", parts), "calls one per line, nothing else");
            return parts.size();
        }
        JsonNode j = JSON.readTree(text);
        if (format == ToolCallFormat.MISTRAL && j.isArray()) {
            for (JsonNode c : j) assertValidCall(c, "arguments", text);
            return j.size();
        }
        if (format == ToolCallFormat.LLAMA31 && j.has("name")) {
            assertValidCall(j, "parameters", text);
            return 1;
        }
        assertEquals(1, j.size(), text);
        assertTrue(j.get("answer").isIntegralNumber() && j.get("answer").asInt() >= 0 && j.get("answer").asInt() <= 99, text);
        return 0;
    }

    private static void assertValidCall(JsonNode j, String argumentsKey, String text) {
        JsonNode args = j.get(argumentsKey);
        assertEquals(2, j.size(), text);
        switch (j.get("name").asText()) {
            case "calc" -> assertTrue(args.size() == 1 && args.get("expression").isTextual(), text);
            case "convert" -> assertTrue(args.size() == 2 && List.of("km", "mi").contains(args.get("unit").asText()), text);
            default -> throw new AssertionError("not an offered tool: " + text);
        }
    }

    @Test
    void formatsWithoutAnOpeningAndClosingAreNotConstrained() {
        assertEquals(null, ToolCallConstraint.of(ToolCallFormat.LLAMA31, TOOLS, true, null, 10));
        assertEquals(null, ToolCallConstraint.of(ToolCallFormat.MISTRAL, TOOLS, true, null, 10));
    }

    static int pick(long[] allowed, int vocab, Random rng) {
        int n = 0;
        for (int i = 0; i < vocab; i++) if (TokenConstraint.isAllowed(allowed, i)) n++;
        assertTrue(n > 0, "never an empty mask");
        int k = rng.nextInt(n);
        for (int i = 0; i < vocab; i++) if (TokenConstraint.isAllowed(allowed, i) && k-- == 0) return i;
        throw new AssertionError();
    }
}
