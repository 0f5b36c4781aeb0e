package io.genai4j.langchain4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.output.FinishReason;
import io.genai4j.engine.DType;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LangChain4j adapters answer what the genai4j model answers: the local engine's text whole and
 * streamed, tool calls whole and as partial calls, requests (messages, tools, format, parameters)
 * mapped field by field, and embeddings equal to the encoder's.
 */
class AdaptersTest {
    @TempDir
    static Path tmp;
    static LoadedModel tiny;

    @BeforeAll
    static void load() throws Exception {
        tiny = ModelLoader.load(TinyModels.writeGguf(tmp, Arch.LLAMA, 3, DType.F32));
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    static ChatRequest hello() {
        return ChatRequest.builder().messages(UserMessage.from("Hello there")).temperature(0.0).maxOutputTokens(10).build();
    }

    static String direct() {
        return new LocalChatModel(tiny, "tiny", 1).chat(io.genai4j.llm.chat.ChatRequest.of(List.of(ChatMessage.user("Hello there")), GenerationOptions.greedy(10)))
                .message().content();
    }

    @Test
    void theLocalEngineAnswersWholeAndStreamed() throws Exception {
        LocalChatModel local = new LocalChatModel(tiny, "tiny", 1);
        ChatResponse whole = new GenaiChatModel(local).chat(hello());
        assertEquals(direct(), whole.aiMessage().text());
        assertEquals("tiny", whole.modelName());
        assertTrue(whole.tokenUsage().outputTokenCount() > 0);

        StreamedAnswer streamed = new StreamedAnswer();
        new GenaiStreamingChatModel(local).chat(hello(), streamed);
        ChatResponse r = streamed.response();
        assertEquals(whole.aiMessage().text(), streamed.text.toString());
        assertEquals(whole.aiMessage().text(), r.aiMessage().text());
    }

    /** A genai4j model that records its request and calls one tool, its arguments in two pieces. */
    static final class OneToolCall implements ChatModel {
        io.genai4j.llm.chat.ChatRequest seen;

        @Override
        public String name() {
            return "caller";
        }

        @Override
        public io.genai4j.llm.chat.ChatResponse chat(io.genai4j.llm.chat.ChatRequest request, ChatListener listener) {
            seen = request;
            listener.onToolCall(0, "call_7", "get_weather", "{\"city\":");
            listener.onToolCall(0, null, null, "\"Oslo\"}");
            return new io.genai4j.llm.chat.ChatResponse(ChatMessage.assistant("", List.of(new ToolCall("call_7", "get_weather", "{\"city\":\"Oslo\"}"))),
                    "tool_calls", new io.genai4j.llm.chat.ChatResponse.Usage(9, 4, 0, 0));
        }
    }

    @Test
    void requestsMapFieldByFieldAndToolCallsComeBack() throws Exception {
        OneToolCall model = new OneToolCall();
        ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("Weather")
                .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
        ChatRequest req = ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("Weather in Oslo?"),
                        AiMessage.from(ToolExecutionRequest.builder().id("call_1").name("get_weather").arguments("{\"city\":\"Oslo\"}").build()),
                        ToolExecutionResultMessage.from("call_1", "get_weather", "rain"))
                .toolSpecifications(weather).temperature(0.3).topP(0.7).topK(5).maxOutputTokens(33).stopSequences(List.of("END"))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("w").rootElement(JsonObjectSchema.builder().addIntegerProperty("n").build()).build()).build())
                .build();
        ChatResponse r = new GenaiChatModel(model).chat(req);
        assertEquals(FinishReason.TOOL_EXECUTION, r.finishReason());
        assertEquals("get_weather", r.aiMessage().toolExecutionRequests().getFirst().name());
        assertEquals("{\"city\":\"Oslo\"}", r.aiMessage().toolExecutionRequests().getFirst().arguments());

        io.genai4j.llm.chat.ChatRequest g = model.seen;
        assertEquals(List.of("system", "user", "assistant", "tool"), g.messages().stream().map(ChatMessage::role).toList());
        assertEquals(new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"), g.messages().get(2).toolCalls().getFirst());
        assertEquals("call_1", g.messages().get(3).toolCallId());
        assertEquals("rain", g.messages().get(3).content());
        assertEquals("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}", g.tools().getFirst().parametersSchema());
        assertEquals("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}", g.responseFormat().schema());
        assertEquals(0.3f, g.options().temperature());
        assertEquals(0.7f, g.options().topP());
        assertEquals(5, g.options().topK());
        assertEquals(33, g.options().maxTokens());
        assertEquals(List.of("END"), g.options().stop());

        StreamedAnswer streamed = new StreamedAnswer();
        new GenaiStreamingChatModel(model).chat(req, streamed);
        assertEquals(r.aiMessage(), streamed.response().aiMessage());
        List<PartialToolCall> partials = streamed.partialToolCalls;
        List<CompleteToolCall> complete = streamed.completeToolCalls;
        assertEquals(2, partials.size());
        for (PartialToolCall p : partials) {
            assertEquals("call_7", p.id(), "every piece carries its call's id");
            assertEquals("get_weather", p.name());
        }
        assertEquals("{\"city\":\"Oslo\"}", partials.get(0).partialArguments() + partials.get(1).partialArguments());
        assertEquals("call_7", complete.getFirst().toolExecutionRequest().id());
    }

    @Test
    void embeddingsAreTheEncodersVectors() throws Exception {
        BertEncoder minilm = BertEncoder.load("minilm");
        List<String> texts = List.of("The cat sits on the mat.", "A dog plays in the park.");
        var model = new GenaiEmbeddingModel(minilm);
        var out = model.embedAll(texts.stream().map(TextSegment::from).toList());
        float[][] expected = minilm.encode(texts);
        // Equal up to the last bit of a lane reduction: a JIT tier that compiled the encoder between the two
        // calls may add the lanes in another order (see Lanes.sum); a wrong vector is off by far more.
        for (int i = 0; i < texts.size(); i++) assertArrayEquals(expected[i], out.content().get(i).vector(), 1e-6f);
        assertEquals(384, model.dimension());
        assertEquals(0.144634, dev.langchain4j.store.embedding.CosineSimilarity.between(out.content().get(0), out.content().get(1)), 1e-4);   // JAVA-STACK.md's reference
        assertTrue(out.tokenUsage().inputTokenCount() > 10);
    }
}
