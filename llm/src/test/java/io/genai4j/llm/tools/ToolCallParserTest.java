package io.genai4j.llm.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming parser finds the same text and calls however the answer is cut into pieces, sends
 * text as soon as it cannot start a call, and streams each call's arguments in fragments that add
 * up to the arguments.
 */
class ToolCallParserTest {
    /** What a listener saw: the text, and per call its id, name and argument fragments. */
    static final class Seen implements ChatListener {
        final StringBuilder text = new StringBuilder();
        final List<String> names = new ArrayList<>(), ids = new ArrayList<>();
        final List<StringBuilder> args = new ArrayList<>();
        int events;

        @Override
        public void onText(String t) {
            text.append(t);
        }

        @Override
        public void onToolCall(int index, String id, String name, String fragment) {
            events++;
            if (name != null) {
                assertEquals(names.size(), index, "a call is announced once, in order");
                names.add(name);
                ids.add(id);
                args.add(new StringBuilder());
            }
            args.get(index).append(fragment);
        }
    }

    record Parsed(String text, List<ToolCall> calls, Seen seen) {}

    static Parsed parse(ToolCallFormat f, List<String> pieces) {
        Seen seen = new Seen();
        ToolCallParser p = new ToolCallParser(f, seen, "call_");
        for (String s : pieces) p.add(s);
        p.finish();
        return new Parsed(p.text(), p.calls(), seen);
    }

    /** Parses whole, char by char and in random pieces; all must agree and the stream must match the result. */
    static Parsed check(ToolCallFormat f, String answer) {
        Parsed whole = parse(f, List.of(answer));
        List<String> chars = new ArrayList<>();
        for (char c : answer.toCharArray()) chars.add(String.valueOf(c));
        SplittableRandom r = new SplittableRandom(answer.hashCode());
        for (List<String> pieces : List.of(chars, randomPieces(answer, r), randomPieces(answer, r))) {
            Parsed p = parse(f, pieces);
            assertEquals(whole.text(), p.text(), "text for pieces " + pieces);
            assertEquals(whole.calls(), p.calls(), "calls for pieces " + pieces);
        }
        Parsed byChar = parse(f, chars);
        assertEquals(byChar.text(), byChar.seen().text.toString(), "streamed text = the answer's text");
        assertEquals(byChar.calls().size(), byChar.seen().names.size());
        for (int i = 0; i < byChar.calls().size(); i++) {
            assertEquals(byChar.calls().get(i).name(), byChar.seen().names.get(i));
            assertEquals(byChar.calls().get(i).id(), byChar.seen().ids.get(i));
            assertEquals(byChar.calls().get(i).arguments(), byChar.seen().args.get(i).toString(), "fragments add up to the arguments");
        }
        return whole;
    }

    static List<String> randomPieces(String s, SplittableRandom r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int n = Math.min(s.length() - i, r.nextInt(1, 6));
            out.add(s.substring(i, i + n));
            i += n;
        }
        return out;
    }

    @Test
    void plainTextPassesThroughIncludingWhatLooksLikeTheStartOfAMarker() {
        Parsed p = check(ToolCallFormat.HERMES, "Is a < b? <tool_cal is not a marker, <tool_call");
        assertEquals("Is a < b? <tool_cal is not a marker, <tool_call", p.text());
        assertTrue(p.calls().isEmpty());
    }

    @Test
    void hermesTextThenTwoCalls() {
        Parsed p = check(ToolCallFormat.HERMES, "Let me check.\n<tool_call>\n{\"name\": \"calculator\", \"arguments\": {\"expression\": \"2 * {3}\"}}\n</tool_call>\n"
                + "<tool_call>\n{\"name\": \"current_time\", \"arguments\": {}}\n</tool_call>");
        assertEquals("Let me check.\n", p.text());
        assertEquals(List.of(new ToolCall("call_0", "calculator", "{\"expression\": \"2 * {3}\"}"), new ToolCall("call_1", "current_time", "{}")), p.calls());
    }

    @Test
    void argumentsStreamBeforeTheCallIsComplete() {
        String answer = "<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": \"capital of Zorbia\"}}\n</tool_call>";
        Parsed p = parse(ToolCallFormat.HERMES, answer.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        assertTrue(p.seen().events > 10, "one event per written character of the arguments, got " + p.seen().events);
    }

    @Test
    void llamaJsonCallsWithAndWithoutPythonTagAndSeveralSeparatedBySemicolons() {
        assertEquals(List.of(new ToolCall("call_0", "get_weather", "{\"city\": \"Paris\"}")),
                check(ToolCallFormat.LLAMA31, " {\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}").calls());
        assertEquals(List.of(new ToolCall("call_0", "a", "{}"), new ToolCall("call_1", "b", "{\"x\": [1, 2]}")),
                check(ToolCallFormat.LLAMA31, "<|python_tag|>{\"name\": \"a\", \"parameters\": {}}; {\"name\": \"b\", \"parameters\": {\"x\": [1, 2]}}").calls());
    }

    @Test
    void jsonThatIsNotACallIsText() {
        Parsed p = check(ToolCallFormat.LLAMA31, "{\"answer\": 42} is my answer");
        assertEquals("{\"answer\": 42} is my answer", p.text());
        assertTrue(p.calls().isEmpty());
        Parsed q = check(ToolCallFormat.GENERIC, "The set {1, 2} has two elements.");
        assertEquals("The set {1, 2} has two elements.", q.text());
    }

    @Test
    void mistralListWithOrWithoutItsControlToken() {
        String list = "[{\"name\": \"a\", \"arguments\": {\"n\": 1}}, {\"name\": \"b\", \"arguments\": {}}]";
        List<ToolCall> expected = List.of(new ToolCall("call_0", "a", "{\"n\": 1}"), new ToolCall("call_1", "b", "{}"));
        assertEquals(expected, check(ToolCallFormat.MISTRAL, "[TOOL_CALLS] " + list).calls());
        assertEquals(expected, check(ToolCallFormat.MISTRAL, list).calls());
    }

    @Test
    void argumentsWrittenAsAJsonStringAreItsContent() {
        Parsed p = check(ToolCallFormat.GENERIC, "{\"name\": \"f\", \"arguments\": \"{\\\"a\\\": \\\"}\\\"}\"}");
        assertEquals(List.of(new ToolCall("call_0", "f", "{\"a\": \"}\"}")), p.calls());
    }

    @Test
    void aCallCutShortKeepsWhatWasWrittenAndAnUnnamedOneIsText() {
        assertEquals(List.of(new ToolCall("call_0", "f", "{\"a\": 1")), check(ToolCallFormat.HERMES, "<tool_call>\n{\"name\": \"f\", \"arguments\": {\"a\": 1").calls());
        Parsed p = check(ToolCallFormat.HERMES, "<tool_call>\n{\"na");
        assertTrue(p.calls().isEmpty());
        assertEquals("<tool_call>\n{\"na", p.text());
    }
}
