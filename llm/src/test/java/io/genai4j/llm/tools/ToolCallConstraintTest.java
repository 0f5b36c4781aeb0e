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
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
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
            TokenConstraint.Factory f = ToolCallConstraint.of(ToolCallFormat.HERMES, TOOLS, tok, vocab);
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
    void withAResponseFormatTheAnswerIsACallOrTheSchemasJson() throws Exception {
        String answer = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":99}},"
                + "\"required\":[\"answer\"],\"additionalProperties\":false}";
        try (LoadedModel m = TinyAssistant.load()) {
            for (ToolCallFormat format : List.of(ToolCallFormat.HERMES, ToolCallFormat.LLAMA31)) {
                GrammarMatcher g = ToolCallConstraint.orAnswer(format, TOOLS, answer, m.tokenizer());
                int calls = 0, answers = 0;
                for (int trial = 0; trial < 40; trial++) {
                    RandomDecoding.Result r = RandomDecoding.run(g, new SplittableRandom(trial), 300);
                    String text = r.text().strip();
                    assertTrue(r.complete(), format + ": " + text);
                    if (format == ToolCallFormat.HERMES && text.startsWith("<tool_call>")) {
                        assertTrue(text.endsWith("\n</tool_call>"), text);
                        assertValidCall(JSON.readTree(text.substring("<tool_call>".length(), text.length() - "</tool_call>".length())), "arguments", text);
                        calls++;
                    } else {
                        JsonNode j = JSON.readTree(text);
                        if (format == ToolCallFormat.LLAMA31 && j.has("name")) {
                            assertValidCall(j, "parameters", text);
                            calls++;
                        } else {
                            assertEquals(1, j.size(), text);
                            assertTrue(j.get("answer").isIntegralNumber() && j.get("answer").asInt() >= 0 && j.get("answer").asInt() <= 99, text);
                            answers++;
                        }
                    }
                }
                assertTrue(calls > 0 && answers > 0, format + ": both branches are open (" + calls + " calls, " + answers + " answers)");
            }
        }
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
        assertEquals(null, ToolCallConstraint.of(ToolCallFormat.LLAMA31, TOOLS, null, 10));
        assertEquals(null, ToolCallConstraint.of(ToolCallFormat.MISTRAL, TOOLS, null, 10));
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
