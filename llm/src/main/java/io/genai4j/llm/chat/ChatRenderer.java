package io.genai4j.llm.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.text.vocab.LlmTokenizer;
import io.genai4j.text.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a conversation into the prompt a model was trained on: its own chat template (ChatML when it
 * has none) with its BOS/EOS texts, messages and tools in the shape Hugging Face templates read
 * (tool calls as {@code {"type":"function","function":{"name","arguments"}}} with the arguments as
 * an object, tools as {@code {"type":"function","function":{"name","description","parameters"}}}),
 * then tokenized with special tokens parsed and no BOS added (the template writes it).
 */
public final class ChatRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChatTemplate template;
    private final LlmTokenizer tokenizer;
    private final String bos, eos;

    public ChatRenderer(LoadedModel m) {
        this(ChatTemplate.orDefault(m.chatTemplate()), m.tokenizer());
    }

    public ChatRenderer(ChatTemplate template, LlmTokenizer tokenizer) {
        this.template = template;
        this.tokenizer = tokenizer;
        Vocabulary v = tokenizer.vocabulary();
        this.bos = v.bos() >= 0 ? v.tokens()[v.bos()] : "";
        this.eos = v.eos() >= 0 ? v.tokens()[v.eos()] : "";
    }

    public ChatTemplate template() {
        return template;
    }

    /** The prompt text, ending with the assistant's turn opened when {@code addGenerationPrompt}. */
    public String render(List<ChatMessage> messages, List<ToolSpec> tools, boolean addGenerationPrompt) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (ChatMessage m : messages) maps.add(toTemplate(m));
        List<Map<String, Object>> toolMaps = null;
        if (tools != null && !tools.isEmpty()) {
            toolMaps = new ArrayList<>();
            for (ToolSpec t : tools) toolMaps.add(toTemplate(t));
        }
        return template.render(maps, addGenerationPrompt, bos, eos, toolMaps);
    }

    /** The prompt's token ids, ready for generation. */
    public int[] encode(List<ChatMessage> messages, List<ToolSpec> tools) {
        return encode(render(messages, tools, true));
    }

    /** Prompt text (a render, possibly with the start of the answer after it) as token ids. */
    public int[] encode(String prompt) {
        return tokenizer.encode(prompt, false, true);
    }

    /** A message as chat templates read it (OpenAI's layout, tool-call arguments as JSON objects). */
    public static Map<String, Object> toTemplate(ChatMessage m) {
        Map<String, Object> map = ChatTemplate.message(m.role(), m.content());
        if (!m.toolCalls().isEmpty()) {
            List<Map<String, Object>> calls = new ArrayList<>();
            for (ToolCall c : m.toolCalls()) {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put("name", c.name());
                function.put("arguments", parse(c.arguments(), "the arguments of tool call " + c.name()));
                Map<String, Object> call = new LinkedHashMap<>();
                if (c.id() != null) call.put("id", c.id());
                call.put("type", "function");
                call.put("function", function);
                calls.add(call);
            }
            map.put("tool_calls", calls);
        }
        if (m.toolCallId() != null) map.put("tool_call_id", m.toolCallId());
        if (m.name() != null) map.put("name", m.name());
        return map;
    }

    /** A tool as chat templates read it ({"type": "function", "function": {name, description, parameters}}). */
    public static Map<String, Object> toTemplate(ToolSpec t) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", t.name());
        function.put("description", t.description());
        function.put("parameters", parse(t.parametersSchema(), "the parameters of tool " + t.name()));
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("type", "function");
        tool.put("function", function);
        return tool;
    }

    /** JSON text as the maps and lists a template reads (insertion order kept, as json.loads keeps it). */
    private static Object parse(String json, String what) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + Printable.of(json) + " (" + e.getOriginalMessage() + ")");
        }
    }
}
