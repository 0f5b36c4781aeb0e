package io.genai4j.llm.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Tools for a model whose chat template does not render them: a system message that lists them as
 * JSON and asks for a call as the whole answer, {@code {"name": ..., "arguments": {...}}}
 * ({@link ToolCallFormat#GENERIC}); tool results come back as user messages that say whose result
 * they are, since such a template may not know the {@code tool} role either.
 */
public final class GenericToolPrompt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenericToolPrompt() {}

    /** The system text listing the tools. */
    public static String system(List<ToolSpec> tools) {
        ArrayNode list = JSON.createArrayNode();
        for (ToolSpec t : tools) {
            try {
                list.addObject().put("name", t.name()).put("description", t.description()).set("parameters", JSON.readTree(t.parametersSchema()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the parameters of tool " + t.name() + " are not valid JSON");
            }
        }
        return "You can call these tools:\n" + list + "\nTo call a tool, answer with only a JSON object {\"name\": <tool name>, \"arguments\": "
                + "<arguments as the tool's parameters say>} and nothing else. When you have the result, answer the user.";
    }

    /** The conversation with the tools' system text (merged into a leading system message) and tool turns as user turns. */
    public static List<ChatMessage> apply(List<ChatMessage> messages, List<ToolSpec> tools) {
        List<ChatMessage> out = new ArrayList<>();
        String sys = system(tools);
        int from = 0;
        if (!messages.isEmpty() && messages.getFirst().role().equals("system")) {
            sys = messages.getFirst().content() + "\n\n" + sys;
            from = 1;
        }
        out.add(ChatMessage.system(sys));
        for (ChatMessage m : messages.subList(from, messages.size())) {
            if (m.role().equals("tool")) {
                out.add(ChatMessage.user("Result of " + (m.name() == null ? "the tool" : m.name()) + ": " + m.content()));
            } else if (m.role().equals("assistant") && !m.toolCalls().isEmpty()) {
                StringBuilder s = new StringBuilder(m.content());
                for (var c : m.toolCalls()) {
                    if (!s.isEmpty()) s.append('\n');
                    s.append("{\"name\": ").append(JSON.valueToTree(c.name())).append(", \"arguments\": ").append(c.arguments()).append('}');
                }
                out.add(ChatMessage.assistant(s.toString()));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
