package io.genai4j.llm.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.llm.agent.builtin.Arithmetic;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.agent.builtin.FolderSearch;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ToolCall;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic conversations the tiny assistant learns from, and the held-out questions it is measured
 * on (another seed). Four kinds, in equal shares: arithmetic and unit conversions answered by
 * calling the calculator, date and time questions by the clock, lookups in the user's notes by the
 * search tool, and small talk answered directly. Calculator and clock results are what those
 * tools return ({@link Arithmetic}, {@link CurrentTime#format}); search results are listed as
 * {@link FolderSearch} lists hits ({@code file: line}, the asked fact first, then other lines of its
 * note and a line of another note that shares a word), so what the model reads in training is what
 * it reads when it runs.
 */
public final class AssistantData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One question: the whole conversation (user, the assistant's call, the tool's result, the
     * answer), the tool it needs (null for small talk), text the final answer must contain, and
     * the notes a search needs to find (file name to lines) and the moment a time question is asked
     * (null for the others).
     */
    public record Sample(String question, String tool, String expected, List<ChatMessage> conversation, Map<String, List<String>> notes, Instant now) {}

    private final SplittableRandom r;
    private int calls;

    public AssistantData(long seed) {
        this.r = new SplittableRandom(seed);
    }

    public Sample next() {
        return switch (r.nextInt(4)) {
            case 0 -> calculation();
            case 1 -> time();
            case 2 -> lookup();
            default -> smallTalk();
        };
    }

    /** A calculator question alone (arithmetic, a third of them unit conversions), as {@link #next} draws them. */
    public Sample calculation() {
        return r.nextInt(3) == 0 ? units() : arithmetic();
    }

    // ---- calculator -------------------------------------------------------------------------

    private static final String[][] OPS = {{"+", "plus"}, {"-", "minus"}, {"*", "times"}, {"/", "divided by"}};

    private Sample arithmetic() {
        int op = r.nextInt(4);
        String a, b;
        if (op == 3) {   // a quotient that terminates: the answer is short and exact
            int d = new int[] {2, 4, 5, 8, 10, 20, 25, r.nextInt(2, 13)}[r.nextInt(8)];
            b = Integer.toString(d);
            a = Integer.toString(d * r.nextInt(1, 200) + (r.nextInt(3) == 0 ? r.nextInt(d) : 0));
        } else {
            a = number();
            b = number();
        }
        String expr;
        String q;
        if (r.nextInt(5) == 0) {
            String c = Integer.toString(r.nextInt(2, 20));
            expr = "(" + a + " + " + b + ") * " + c;
            q = pick("What is (" + a + " + " + b + ") * " + c + "?", "Calculate (" + a + " + " + b + ") * " + c + ".",
                    "Compute (" + a + " + " + b + ") * " + c + " please.");
        } else {
            expr = a + " " + OPS[op][0] + " " + b;
            String sym = OPS[op][0], word = OPS[op][1];
            q = pick("What is " + a + " " + sym + " " + b + "?", "What is " + a + " " + word + " " + b + "?", "Calculate " + a + " " + sym + " " + b + ".",
                    "How much is " + a + " " + word + " " + b + "?", a + " " + sym + " " + b + " = ?", "Please compute " + a + " " + word + " " + b + ".");
        }
        String result = Arithmetic.format(Arithmetic.evaluate(expr));
        return withTool(q, Calculator.NAME, Map.of("expression", expr), result, pick("The answer is " + result + ".", expr + " = " + result + "."), result, Map.of());
    }

    private String number() {
        return r.nextInt(4) == 0 ? r.nextInt(1, 100) + "." + r.nextInt(1, 10) : Integer.toString(r.nextInt(0, r.nextBoolean() ? 100 : 1000));
    }

    private static final Object[][] UNITS = {
            {"km", "m", 1000}, {"m", "cm", 100}, {"kg", "g", 1000}, {"hours", "minutes", 60}, {"minutes", "seconds", 60},
            {"days", "hours", 24}, {"weeks", "days", 7}, {"feet", "inches", 12}, {"liters", "ml", 1000}, {"pounds", "ounces", 16}};

    private Sample units() {
        Object[] u = UNITS[r.nextInt(UNITS.length)];
        String big = (String) u[0], small = (String) u[1], f = Integer.toString((Integer) u[2]);
        boolean down = r.nextInt(3) != 0;
        String x = down ? number() : Integer.toString(((Integer) u[2]) * r.nextInt(1, 50));
        String from = down ? big : small, to = down ? small : big;
        String expr = x + (down ? " * " : " / ") + f;
        String q = pick("How many " + to + " are in " + x + " " + from + "?", "Convert " + x + " " + from + " to " + to + ".",
                "What is " + x + " " + from + " in " + to + "?");
        String result = Arithmetic.format(Arithmetic.evaluate(expr));
        return withTool(q, Calculator.NAME, Map.of("expression", expr), result, x + " " + from + " is " + result + " " + to + ".", result, Map.of());
    }

    // ---- clock --------------------------------------------------------------------------------

    private static final String[][] CITIES = {{"Paris", "Europe/Paris"}, {"Tokyo", "Asia/Tokyo"}, {"New York", "America/New_York"},
            {"London", "Europe/London"}, {"Sydney", "Australia/Sydney"}};

    private Sample time() {
        Instant now = Instant.ofEpochSecond(r.nextLong(1_600_000_000L, 2_000_000_000L));
        boolean city = r.nextInt(4) == 0;
        String[] c = CITIES[r.nextInt(CITIES.length)];
        String zone = city ? c[1] : "UTC";
        ZonedDateTime t = now.atZone(ZoneId.of(zone));
        String result = CurrentTime.format(t, zone);
        String[] parts = result.split(" ");   // weekday, date, time, zone
        Map<String, Object> args = city ? Map.of("timezone", zone) : Map.of();
        if (city) {
            return withTool(pick("What time is it in " + c[0] + "?", "Tell me the time in " + c[0] + "."), CurrentTime.NAME, args, result,
                    "In " + c[0] + " it is " + parts[2] + " on " + parts[0] + ".", parts[2], Map.of(), now);
        }
        return switch (r.nextInt(3)) {
            case 0 -> withTool(pick("What is the date today?", "What's today's date?", "Which date is it?"), CurrentTime.NAME, args, result,
                    "Today is " + parts[0] + ", " + parts[1] + ".", parts[1], Map.of(), now);
            case 1 -> withTool(pick("What day is it today?", "Which day of the week is it?", "What weekday is it?"), CurrentTime.NAME, args, result,
                    "Today is " + parts[0] + ".", parts[0], Map.of(), now);
            default -> withTool(pick("What time is it?", "Tell me the time.", "What's the time now?"), CurrentTime.NAME, args, result,
                    "It is " + parts[2] + " UTC.", parts[2], Map.of(), now);
        };
    }

    // ---- search -------------------------------------------------------------------------------

    private static final String[] ATTRIBUTES = {"capital", "founder", "river", "population", "motto"};
    private static final String[] SYLLABLES = {"zor", "bi", "qua", "lt", "mer", "ka", "vo", "ren", "dal", "ith", "os", "pri", "nu", "tek",
            "sa", "lom", "gra", "vel", "un", "fi", "dor", "ap", "xi", "mo"};

    private String name() {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(2, 4);
        for (int i = 0; i < n; i++) s.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String value(String attribute) {
        return switch (attribute) {
            case "population" -> Integer.toString(r.nextInt(1000, 2_000_000));
            case "motto" -> pick("Always forward", "Stone and sea", "We endure", "Light in the hills", "By river and road");
            default -> name();
        };
    }

    private static String fact(String attribute, String entity, String value) {
        return "The " + attribute + " of " + entity + " is " + value + ".";
    }

    private Sample lookup() {
        String entity = name();
        String attribute = ATTRIBUTES[r.nextInt(ATTRIBUTES.length)];
        String value = value(attribute);
        String file = entity.toLowerCase(Locale.ROOT) + ".txt";
        List<String> lines = new ArrayList<>();
        lines.add(fact(attribute, entity, value));
        // other facts of the same entity: the search finds them too, ranked below the asked one
        for (String other : ATTRIBUTES) if (!other.equals(attribute) && r.nextInt(3) == 0) lines.add(fact(other, entity, value(other)));
        List<String> hits = new ArrayList<>();
        for (String l : lines) hits.add(file + ": " + l);
        // a distractor from another note that shares the attribute word (score 1, after the entity's own lines)
        if (r.nextBoolean()) {
            String otherEntity = name();
            String otherFile = otherEntity.toLowerCase(Locale.ROOT) + ".txt";
            hits.add(otherFile + ": " + fact(attribute, otherEntity, value(attribute)));
        }
        String result = String.join("\n", hits.subList(0, Math.min(3, hits.size())));
        String q = pick("Look up the " + attribute + " of " + entity + ".", "Search my notes for the " + attribute + " of " + entity + ".",
                "What do my notes say about the " + attribute + " of " + entity + "?", "Find the " + attribute + " of " + entity + " in my notes.");
        return withTool(q, FolderSearch.NAME, Map.of("query", attribute + " " + entity), result,
                pick("", "Your notes say: ") + fact(attribute, entity, value), value, Map.of(file, lines));
    }

    // ---- small talk ---------------------------------------------------------------------------

    private static final String[][] TALK = {
            {"Hello!", "Hello! How can I help you?"}, {"Hi", "Hello! How can I help you?"}, {"Good morning!", "Good morning! How can I help you?"},
            {"Who are you?", "I am a tiny assistant trained in genai4j. I can calculate, tell the time and search your notes."},
            {"What can you do?", "I can calculate, tell the time and search your notes."},
            {"Thank you!", "You're welcome!"}, {"Thanks a lot.", "You're welcome!"}, {"Bye!", "Goodbye!"},
            {"How are you?", "I am fine, thank you. How can I help you?"},
            {"Tell me a joke.", "Why did the tensor cross the road? To broadcast on the other side."},
            {"What is your name?", "I am the genai4j tiny assistant."}, {"Are you a human?", "No, I am a small language model."}};

    private Sample smallTalk() {
        String[] t = TALK[r.nextInt(TALK.length)];
        return new Sample(t[0], null, t[1], List.of(ChatMessage.user(t[0]), ChatMessage.assistant(t[1])), Map.of(), null);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Sample withTool(String question, String tool, Map<String, Object> arguments, String result, String answer, String expected,
                            Map<String, List<String>> notes) {
        return withTool(question, tool, arguments, result, answer, expected, notes, null);
    }

    /** A conversation with one tool call: question, call, result, answer (skills build theirs with it too). */
    Sample withTool(String question, String tool, Map<String, Object> arguments, String result, String answer, String expected,
                    Map<String, List<String>> notes, Instant now) {
        String json;
        try {
            json = JSON.writeValueAsString(new java.util.TreeMap<>(arguments));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ToolCall call = new ToolCall("call_" + (calls++), tool, json);
        return new Sample(question, tool, expected, List.of(ChatMessage.user(question), ChatMessage.assistant("", List.of(call)),
                ChatMessage.tool(call, result), ChatMessage.assistant(answer)), notes, now);
    }

    private String pick(String... options) {
        return options[r.nextInt(options.length)];
    }
}
