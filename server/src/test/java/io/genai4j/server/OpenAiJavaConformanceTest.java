package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.llm.chat.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the server, reads every answer: whole, streamed, tool calls, json_schema, errors. */
class OpenAiJavaConformanceTest {
    static TinyServer local, scripted;
    static ScriptedChatModel tools = new ScriptedChatModel("", ToolCallWireTest.CALLS);

    @BeforeAll
    static void start() {
        local = TinyServer.local(1);
        scripted = TinyServer.of(tools, ServerSettings.local(0, 1));
    }

    @AfterAll
    static void stop() {
        local.close();
        scripted.close();
    }

    static OpenAIClient client(TinyServer s) {
        return OpenAIOkHttpClient.builder().baseUrl(s.base() + "/v1").apiKey("unused").maxRetries(0).build();
    }

    static ChatCompletionCreateParams.Builder hello(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello there").maxCompletionTokens(12).temperature(0.0);
    }

    @Test
    void wholeAndStreamedAnswersReadTheSame() {
        OpenAIClient c = client(local);
        ChatCompletion whole = c.chat().completions().create(hello("tiny").build());
        String text = whole.choices().getFirst().message().content().orElseThrow();
        assertEquals(ChatCompletionsTest.direct(12), text);
        assertTrue(whole.usage().orElseThrow().completionTokens() > 0);

        StringBuilder streamed = new StringBuilder();
        long[] usage = {-1};
        String[] finish = {null};
        try (StreamResponse<ChatCompletionChunk> s = c.chat().completions().createStreaming(
                hello("tiny").streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            s.stream().forEach(chunk -> {
                chunk.usage().ifPresent(u -> usage[0] = u.totalTokens());
                for (var choice : chunk.choices()) {
                    choice.delta().content().ifPresent(streamed::append);
                    choice.finishReason().ifPresent(f -> finish[0] = f.asString());
                }
            });
        }
        assertEquals(text, streamed.toString());
        assertEquals(whole.usage().orElseThrow().totalTokens(), usage[0]);
        assertEquals(whole.choices().getFirst().finishReason().asString(), finish[0]);
    }

    static ChatCompletionCreateParams withTools() {
        FunctionParameters params = FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string")))).build();
        return hello("scripted").tools(List.of(
                ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_weather").parameters(params).build()).build()),
                ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_time").build()).build()))).build();
    }

    @Test
    void toolCallsReadWholeAndStreamed() {
        OpenAIClient c = client(scripted);
        var message = c.chat().completions().create(withTools()).choices().getFirst().message();
        List<ChatCompletionMessageFunctionToolCall> calls = message.toolCalls().orElseThrow().stream().map(t -> t.asFunction()).toList();
        assertEquals(2, calls.size());
        for (int i = 0; i < 2; i++) {
            ToolCall expected = ToolCallWireTest.CALLS.get(i);
            assertEquals(expected.id(), calls.get(i).id());
            assertEquals(expected.name(), calls.get(i).function().name());
            assertEquals(expected.arguments(), calls.get(i).function().arguments());
        }
        Map<Long, StringBuilder> args = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        try (StreamResponse<ChatCompletionChunk> s = c.chat().completions().createStreaming(withTools())) {
            s.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().toolCalls().ifPresent(list -> list.forEach(tc -> {
                tc.function().flatMap(f -> f.name()).ifPresent(n -> names.put(tc.index(), n));
                tc.function().flatMap(f -> f.arguments()).ifPresent(a -> args.computeIfAbsent(tc.index(), k -> new StringBuilder()).append(a));
            }))));
        }
        assertEquals(List.of("get_weather", "get_time"), List.copyOf(names.values()));
        assertEquals(List.of("{\"city\":\"Paris\"}", "{}"), args.values().stream().map(StringBuilder::toString).toList());
    }

    @Test
    void aJsonSchemaReachesTheModel() {
        var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder().putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("a", Map.of("type", "integer")))).build();
        var format = ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name("answer").schema(schema).strict(true).build()).build();
        client(scripted).chat().completions().create(hello("scripted").responseFormat(format).build());
        ResponseFormat seen = tools.requests.getLast().responseFormat();
        assertEquals(ResponseFormat.Kind.JSON_SCHEMA, seen.kind());
        assertEquals("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}", seen.schema());
    }

    @Test
    void logprobsReadWholeAndStreamed() {
        OpenAIClient c = client(local);
        List<io.genai4j.llm.TokenLogprob> expected = LogprobsWireTest.direct(8, 2);
        ChatCompletion whole = c.chat().completions().create(hello("tiny").maxCompletionTokens(8).logprobs(true).topLogprobs(2).build());
        var content = whole.choices().getFirst().logprobs().orElseThrow().content().orElseThrow();
        assertEquals(expected.size(), content.size());
        for (int i = 0; i < content.size(); i++) {
            assertEquals(expected.get(i).logprob(), content.get(i).logprob(), 1e-4);
            assertEquals(2, content.get(i).topLogprobs().size());
            assertEquals(content.get(i).token(), content.get(i).topLogprobs().getFirst().token(), "greedy takes the most likely token");
            assertTrue(!content.get(i).bytes().orElseThrow().isEmpty());
        }
        List<Double> streamed = new java.util.ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> s = c.chat().completions().createStreaming(hello("tiny").maxCompletionTokens(8).logprobs(true).topLogprobs(2).build())) {
            s.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.logprobs().flatMap(l -> l.content()).ifPresent(list -> list.forEach(t -> streamed.add(t.logprob())))));
        }
        assertEquals(content.size(), streamed.size());
        for (int i = 0; i < streamed.size(); i++) assertEquals(content.get(i).logprob(), streamed.get(i), 1e-4, "streamed token " + i);
    }

    @Test
    void toolsWithAJsonSchemaGiveACallOrTheSchemasJson() throws Exception {
        try (var m = TinyAssistant.load(); TinyServer assistant = TinyServer.of(TinyAssistant.chatModel(m), ServerSettings.local(0, 1))) {
            ToolSpec calc = Calculator.spec();
            var calcParams = FunctionParameters.builder();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(calc.parametersSchema()).properties()
                    .forEach(e -> calcParams.putAdditionalProperty(e.getKey(), JsonValue.fromJsonNode(e.getValue())));
            var schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder().putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("answer", Map.of("type", "integer", "minimum", 0, "maximum", 999))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("answer")))
                    .putAdditionalProperty("additionalProperties", JsonValue.from(false)).build();
            var format = ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name("result").schema(schema).build()).build();
            var tool = ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder().name(calc.name()).description(calc.description()).parameters(calcParams.build()).build()).build());
            int calls = 0, answers = 0;
            for (String q : List.of("What is 12 * 7?", "Hello!", "What time is it?", "What is 3 + 4?")) {
                for (long seed = 0; seed < 1; seed++) {
                    ChatCompletion r = client(assistant).chat().completions().create(ChatCompletionCreateParams.builder().model(TinyAssistant.NAME)
                            .addUserMessage(q).tools(List.of(tool)).responseFormat(format).temperature(1.0).seed(seed).maxCompletionTokens(60).build());
                    var choice = r.choices().getFirst();
                    var toolCalls = choice.message().toolCalls().orElse(List.of());
                    if (!toolCalls.isEmpty()) {
                        var fn = toolCalls.getFirst().asFunction().function();
                        assertEquals(calc.name(), fn.name());
                        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(fn.arguments()).get("expression").isTextual(), fn.arguments());
                        assertEquals("tool_calls", choice.finishReason().asString());
                        calls++;
                    } else {
                        String content = choice.message().content().orElseThrow();
                        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(content);
                        assertEquals(1, json.size(), content);
                        assertTrue(json.get("answer").isIntegralNumber(), content);
                        assertEquals("stop", choice.finishReason().asString(), content);
                        answers++;
                    }
                }
            }
            assertEquals(4, calls + answers);
            System.out.println("tools + json_schema on the tiny assistant: " + calls + " calls, " + answers + " answers");
        }
    }

    @Test
    void errorsArriveAsTheSdksExceptions() {
        OpenAIClient c = client(local);
        NotFoundException missing = assertThrows(NotFoundException.class, () -> c.chat().completions().create(hello("gpt-9").build()));
        assertTrue(missing.getMessage().contains("gpt-9"), missing.getMessage());
        BadRequestException bad = assertThrows(BadRequestException.class, () -> c.chat().completions().create(hello("tiny").maxCompletionTokens(-1).build()));
        assertTrue(bad.getMessage().contains("max_completion_tokens"), bad.getMessage());
    }
}
