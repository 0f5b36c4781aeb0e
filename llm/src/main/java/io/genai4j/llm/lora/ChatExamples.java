package io.genai4j.llm.lora;

import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.text.vocab.LlmTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chat training data: a JSONL file, one conversation per line as {@code {"messages": [{"role", "content"}, ...]}}
 * and optionally the {@code "tools"} offered in it (OpenAI's fine-tuning layout; tool calls as
 * {@code tool_calls} with their arguments as JSON objects, the form chat templates read), rendered
 * through the model's chat template. Only the assistant's replies count in the loss: for
 * assistant message i, the conversation rendered up to i with the generation prompt is the context,
 * and what rendering message i adds is the reply (its end-of-turn token included, so the model learns to stop).
 */
public final class ChatExamples {
    private ChatExamples() {}

    /** Token ids of the conversation and which of them count (the assistant's replies). */
    public record Masked(int[] tokens, boolean[] counts) {}

    public static List<TokenWindow> read(Path jsonl, ChatTemplate template, LlmTokenizer tok, int window) throws IOException {
        List<TokenWindow> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(jsonl)) {
            lineNo++;
            if (line.isBlank()) continue;
            Map<String, Object> conversation = conversation(jsonl, lineNo, line);
            @SuppressWarnings("unchecked") List<Map<String, Object>> messages = (List<Map<String, Object>>) conversation.get("messages");
            @SuppressWarnings("unchecked") List<Map<String, Object>> tools = (List<Map<String, Object>>) conversation.get("tools");
            Masked m;
            try {
                m = mask(messages, tools, template, tok);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(jsonl + " line " + lineNo + ": " + e.getMessage(), e);
            }
            out.addAll(TokenWindow.of(m.tokens(), m.counts(), window));
        }
        if (out.isEmpty()) throw new IllegalArgumentException(jsonl + " has no conversation with an assistant reply");
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conversation(Path file, int lineNo, String line) {
        Object v;
        try {
            v = Json.parse(line);
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException(file + " line " + lineNo + " is not JSON: " + e.getMessage(), e);
        }
        if (!(v instanceof Map<?, ?> m) || !(m.get("messages") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(file + " line " + lineNo + " has no \"messages\" list");
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> msg) || !(msg.get("role") instanceof String) || !(msg.get("content") instanceof String)) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": every message needs a string role and content, got "
                        + Printable.of(Json.toJson(o, 200)));
            }
        }
        Object tools = m.get("tools");
        if (tools != null && (!(tools instanceof List<?> tl) || !tl.stream().allMatch(t -> t instanceof Map<?, ?>))) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": \"tools\" must be a list of objects, got " + Printable.of(Json.toJson(tools, 200)));
        }
        return (Map<String, Object>) m;
    }

    /** The conversation's tokens, the assistant replies marked. */
    public static Masked mask(List<Map<String, Object>> messages, ChatTemplate template, LlmTokenizer tok) {
        return mask(messages, null, template, tok);
    }

    /** As {@link #mask(List, ChatTemplate, LlmTokenizer)} with the tools the conversation offers (null: none). */
    public static Masked mask(List<Map<String, Object>> messages, List<Map<String, Object>> tools, ChatTemplate template, LlmTokenizer tok) {
        String bos = token(tok, tok.vocabulary().bos()), eos = token(tok, tok.vocabulary().eos());
        String all = template.render(messages, false, bos, eos, tools);
        List<int[]> pieces = new ArrayList<>();
        List<Boolean> counted = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (!"assistant".equals(messages.get(i).get("role"))) continue;
            String context = template.render(messages.subList(0, i), true, bos, eos, tools);
            String upTo = template.render(messages.subList(0, i + 1), false, bos, eos, tools);
            if (!upTo.startsWith(context) || !all.startsWith(upTo) || context.length() < pos) {
                throw new IllegalArgumentException("the chat template does not render assistant message " + i
                        + " as an extension of the conversation before it, so its tokens cannot be told apart");
            }
            pieces.add(tok.encode(all.substring(pos, context.length()), false, true));
            counted.add(false);
            pieces.add(tok.encode(upTo.substring(context.length()), false, true));
            counted.add(true);
            pos = upTo.length();
        }
        if (pieces.isEmpty()) throw new IllegalArgumentException("the conversation has no assistant message");
        pieces.add(tok.encode(all.substring(pos), false, true));
        counted.add(false);
        int n = 0;
        for (int[] p : pieces) n += p.length;
        int[] tokens = new int[n];
        boolean[] counts = new boolean[n];
        int at = 0;
        for (int k = 0; k < pieces.size(); k++) {
            int[] p = pieces.get(k);
            System.arraycopy(p, 0, tokens, at, p.length);
            java.util.Arrays.fill(counts, at, at + p.length, counted.get(k));
            at += p.length;
        }
        return new Masked(tokens, counts);
    }

    private static String token(LlmTokenizer tok, int id) {
        return id < 0 ? "" : tok.vocabulary().tokens()[id];
    }
}
