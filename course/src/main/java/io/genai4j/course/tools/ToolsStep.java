package io.genai4j.course.tools;

import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.agent.Agent;
import io.genai4j.llm.agent.builtin.Arithmetic;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.assistant.TinyAssistant;
import io.genai4j.models.llama.LoadedModel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tour's tools step: the tiny assistant genai4j trained and ships is asked an arithmetic
 * question; it answers by calling the calculator, the agent loop runs the call and feeds the
 * result back, and the model turns it into an answer. Every step of the loop is shown.
 */
public final class ToolsStep extends TourStep {
    static final String QUESTION = "What is 37 * 48?";

    public ToolsStep() {
        super(700, "Tools: the model asks the calculator");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        say.say("A language model is bad at exact arithmetic but good at deciding when to ask for help. The tiny assistant "
                + "(a 1M-parameter Llama trained here on synthetic conversations: genai assistant train) was offered a calculator, "
                + "a clock and a search tool. It writes a call as <tool_call>{\"name\": ..., \"arguments\": ...}</tool_call>; the agent "
                + "loop parses it, runs the tool, feeds the result back, and the model answers.");
        say.blank();
        Map<String, Object> figures = new LinkedHashMap<>();
        try (LoadedModel m = TinyAssistant.load()) {
            Agent agent = new Agent(TinyAssistant.chatModel(m), List.of(Calculator.tool(), CurrentTime.tool(Clock.systemUTC())),
                    GenerationOptions.greedy(64), 3);
            say.say("> " + QUESTION);
            Agent.Result r = agent.run(QUESTION, e -> say.say("  " + AgentTrace.line(e)));
            String expected = Arithmetic.format(Arithmetic.evaluate("37 * 48"));
            boolean right = r.answer().contains(expected);
            say.blank();
            say.say(right ? "The answer holds the calculator's exact " + expected + "." : "The answer misses the exact " + expected + ": a model this small errs.");
            figures.put("question", QUESTION);
            figures.put("answer", r.answer());
            figures.put("right", right);
            figures.put("model_turns", r.steps());
            return new StepResult("asked \"" + QUESTION + "\": " + r.answer().strip(), figures);
        }
    }
}
