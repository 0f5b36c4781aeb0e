package io.genai4j.llm.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ScriptedChat;
import io.genai4j.llm.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The loop against a scripted model (each turn's answer decided from the conversation it is sent):
 * results are fed back in call order, parallel calls really run at once, errors become results,
 * and the step limit holds.
 */
class AgentTest {
    /** A model whose every answer the script decides from the conversation it is sent. */
    static ScriptedChat scripted(Function<List<ChatMessage>, ChatMessage> script) {
        return new ScriptedChat((request, listener) -> ScriptedChat.reply(script.apply(request.messages()), new ChatResponse.Usage(0, 0, 0, 0)));
    }

    static final GenerationOptions O = GenerationOptions.greedy(16);

    @Test
    void callsRunAndTheirResultsAreFedBackInCallOrder() {
        ScriptedChat model = scripted(msgs -> msgs.getLast().role().equals("user")
                ? ChatMessage.assistant("", List.of(new ToolCall("c1", "calculator", "{\"expression\":\"6*7\"}"), new ToolCall("c2", "calculator", "{\"expression\":\"1/0\"}"),
                        new ToolCall("c3", "nope", "{}"), new ToolCall("c4", "calculator", "{\"expr\":\"1\"}")))
                : ChatMessage.assistant("done: " + msgs.getLast().content()));
        List<AgentEvent> events = new ArrayList<>();
        Agent.Result r = new Agent(model, List.of(Calculator.tool()), O, 4).run("q", events::add);
        assertEquals("answer", r.reason());
        assertEquals(2, r.steps());
        List<ChatMessage> results = r.conversation().stream().filter(m -> m.role().equals("tool")).toList();
        assertEquals(List.of("c1", "c2", "c3", "c4"), results.stream().map(ChatMessage::toolCallId).toList());
        assertEquals("42", results.get(0).content());
        assertTrue(results.get(1).content().startsWith("error: division by zero"), results.get(1).content());
        assertTrue(results.get(2).content().startsWith("error: unknown tool nope (available: calculator)"));
        assertTrue(results.get(3).content().contains("missing argument 'expression'"), results.get(3).content());
        assertEquals(events, r.trace());
        assertTrue(events.getLast() instanceof AgentEvent.Finished f && f.answer().startsWith("done: "));
        assertEquals(4, events.stream().filter(e -> e instanceof AgentEvent.ToolRun).count());
        assertEquals(List.of("calculator"), model.requests.getFirst().tools().stream().map(t -> t.name()).toList(), "the model is offered the tools");
    }

    @Test
    void theCallsOfOneTurnRunAtOnce() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Tool waits = Tools.of("wait", "waits for the other call", Calculator.Args.class, a -> {
            bothStarted.countDown();
            // only true if the two calls run concurrently: sequential runs would time out here
            return Boolean.toString(bothStarted.await(10, TimeUnit.SECONDS));
        });
        ScriptedChat model = scripted(msgs -> msgs.getLast().role().equals("user")
                ? ChatMessage.assistant("", List.of(new ToolCall("a", "wait", "{\"expression\":\"1\"}"), new ToolCall("b", "wait", "{\"expression\":\"2\"}")))
                : ChatMessage.assistant("ok"));
        Agent.Result r = new Agent(model, List.of(waits), O, 3).run("q", e -> {});
        assertEquals(List.of("true", "true"), r.conversation().stream().filter(m -> m.role().equals("tool")).map(ChatMessage::content).toList());
    }

    @Test
    void theStepLimitStopsAModelThatKeepsCalling() {
        ScriptedChat model = scripted(msgs -> ChatMessage.assistant("", List.of(new ToolCall("x" + msgs.size(), "calculator", "{\"expression\":\"1+1\"}"))));
        Agent.Result r = new Agent(model, List.of(Calculator.tool()), O, 3).run("q", e -> {});
        assertEquals("max_steps", r.reason());
        assertEquals(3, r.steps());
        assertEquals(3, model.requests.size());
    }
}
