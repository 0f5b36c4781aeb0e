package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialToolCall;
import io.genai4j.langchain4j.StreamedAnswer;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LangChain4j's OpenAI module, pointed at the server: chat whole and streamed (it always asks for usage), tool calls, partial tool calls. */
class LangChain4jConformanceTest {
    static TinyServer local, scripted;

    @BeforeAll
    static void start() {
        local = TinyServer.local(1);
        scripted = TinyServer.of(new ScriptedChatModel("", ToolCallWireTest.CALLS), ServerSettings.local(0, 1));
    }

    @AfterAll
    static void stop() {
        local.close();
        scripted.close();
    }

    @Test
    void wholeAndStreamedAnswersReadTheSame() throws Exception {
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(local.base() + "/v1").apiKey("unused").modelName("tiny")
                .temperature(0.0).maxTokens(12).maxRetries(0).build();
        ChatResponse whole = chat.chat(ChatRequest.builder().messages(UserMessage.from("Hello there")).build());
        assertEquals(ChatCompletionsTest.direct(12), whole.aiMessage().text());
        assertTrue(whole.tokenUsage().outputTokenCount() > 0);

        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(local.base() + "/v1").apiKey("unused").modelName("tiny")
                .temperature(0.0).maxTokens(12).build();
        StreamedAnswer streamed = new StreamedAnswer();
        streaming.chat("Hello there", streamed);
        ChatResponse r = streamed.response();
        assertEquals(whole.aiMessage().text(), streamed.text.toString());
        assertEquals(whole.aiMessage().text(), r.aiMessage().text());
        assertEquals(whole.tokenUsage().totalTokenCount(), r.tokenUsage().totalTokenCount());
    }

    static List<ToolSpecification> specs() {
        return List.of(ToolSpecification.builder().name("get_weather").parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build(),
                ToolSpecification.builder().name("get_time").build());
    }

    @Test
    void toolCallsReadWholeAndStreamedWithPartialCalls() throws Exception {
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(scripted.base() + "/v1").apiKey("unused").modelName("scripted").maxRetries(0).build();
        ChatRequest req = ChatRequest.builder().messages(UserMessage.from("Weather?")).toolSpecifications(specs()).build();
        List<ToolExecutionRequest> calls = chat.chat(req).aiMessage().toolExecutionRequests();
        assertEquals(2, calls.size());
        assertEquals("get_weather", calls.get(0).name());
        assertEquals("{\"city\":\"Paris\"}", calls.get(0).arguments());
        assertEquals("call_2", calls.get(1).id());

        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(scripted.base() + "/v1").apiKey("unused").modelName("scripted").build();
        StreamedAnswer streamed = new StreamedAnswer();
        streaming.chat(req, streamed);
        ChatResponse r = streamed.response();
        StringBuilder fragments = new StringBuilder();
        for (PartialToolCall p : streamed.partialToolCalls) if (p.index() == 0) fragments.append(p.partialArguments());
        assertEquals(calls, r.aiMessage().toolExecutionRequests());
        assertEquals("{\"city\":\"Paris\"}", fragments.toString());
    }
}
