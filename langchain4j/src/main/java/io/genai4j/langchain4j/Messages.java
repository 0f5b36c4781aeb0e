package io.genai4j.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.models.sampling.Penalties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's requests and answers to genai4j's and back, in one place for both chat adapters:
 * messages (text only), tool specifications (their JSON Schema as JSON text), tool choice, response
 * format and the sampling parameters (a parameter left unset takes genai4j's default for chat:
 * temperature 0.8, top-k 40, top-p 0.95, 512 tokens).
 */
final class Messages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {}

    static io.genai4j.llm.chat.ChatRequest toGenai(ChatRequest r) {
        List<ChatMessage> messages = new ArrayList<>();
        for (dev.langchain4j.data.message.ChatMessage m : r.messages()) messages.add(toGenai(m));
        List<ToolSpec> tools = new ArrayList<>();
        if (r.toolSpecifications() != null) for (ToolSpecification t : r.toolSpecifications()) tools.add(toGenai(t));
        String choice = r.toolChoice() == ToolChoice.REQUIRED ? "required" : r.toolChoice() == ToolChoice.NONE ? "none" : "auto";
        ResponseFormat format = ResponseFormat.TEXT;
        if (r.responseFormat() != null && r.responseFormat().type() == ResponseFormatType.JSON) {
            format = r.responseFormat().jsonSchema() == null ? ResponseFormat.JSON_OBJECT
                    : ResponseFormat.jsonSchema(json(JsonSchemaElementJsonUtils.toMap(r.responseFormat().jsonSchema().rootElement())));
        }
        return new io.genai4j.llm.chat.ChatRequest(messages, tools, choice, format, options(r));
    }

    static GenerationOptions options(ChatRequest r) {
        float temperature = r.temperature() == null ? 0.8f : r.temperature().floatValue();
        float topP = r.topP() == null ? 0.95f : r.topP().floatValue();
        int topK = r.topK() == null ? 40 : r.topK();
        int max = r.maxOutputTokens() == null ? 512 : r.maxOutputTokens();
        float frequency = r.frequencyPenalty() == null ? 0f : r.frequencyPenalty().floatValue();
        float presence = r.presencePenalty() == null ? 0f : r.presencePenalty().floatValue();
        List<String> stop = r.stopSequences() == null ? List.of() : r.stopSequences();
        return new GenerationOptions(max, temperature, topK, topP, 0f, new Penalties(1f, frequency, presence, 0), 42, stop, true);
    }

    static ChatMessage toGenai(dev.langchain4j.data.message.ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> ChatMessage.system(s.text());
            case UserMessage u -> {
                if (!u.hasSingleText()) throw new IllegalArgumentException("a user message with images or other non-text contents cannot be read by a text model");
                yield ChatMessage.user(u.singleText());
            }
            case AiMessage a -> {
                List<ToolCall> calls = new ArrayList<>();
                if (a.hasToolExecutionRequests()) for (ToolExecutionRequest t : a.toolExecutionRequests()) calls.add(new ToolCall(t.id(), t.name(), t.arguments()));
                yield ChatMessage.assistant(a.text() == null ? "" : a.text(), calls);
            }
            case ToolExecutionResultMessage t -> new ChatMessage("tool", t.text(), List.of(), t.id(), t.toolName());
            default -> throw new IllegalArgumentException("messages of type " + m.type() + " are not supported");
        };
    }

    static ToolSpec toGenai(ToolSpecification t) {
        String schema = t.parameters() == null ? null : json(JsonSchemaElementJsonUtils.toMap(t.parameters()));
        return new ToolSpec(t.name(), t.description(), schema);
    }

    static ChatResponse toLangChain4j(io.genai4j.llm.chat.ChatResponse r, String model) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (ToolCall c : r.message().toolCalls()) calls.add(ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build());
        String text = r.message().content().isEmpty() && !calls.isEmpty() ? null : r.message().content();
        AiMessage ai = AiMessage.builder().text(text).toolExecutionRequests(calls).build();
        FinishReason finish = !calls.isEmpty() ? FinishReason.TOOL_EXECUTION : "length".equals(r.finishReason()) ? FinishReason.LENGTH
                : "cancelled".equals(r.finishReason()) ? FinishReason.OTHER : FinishReason.STOP;
        return ChatResponse.builder().aiMessage(ai).modelName(model).finishReason(finish)
                .tokenUsage(new TokenUsage(r.usage().promptTokens(), r.usage().completionTokens())).build();
    }

    private static String json(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON schema did not serialize", e);
        }
    }
}
