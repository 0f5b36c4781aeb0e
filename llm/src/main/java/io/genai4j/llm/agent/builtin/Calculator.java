package io.genai4j.llm.agent.builtin;

import io.genai4j.llm.agent.Param;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.Tools;
import io.genai4j.llm.chat.ToolSpec;

/** The {@code calculator} tool: an arithmetic expression in, its exact value out ({@link Arithmetic}). */
public final class Calculator {
    private static final String DESCRIPTION = "Evaluates an arithmetic expression exactly.";
    public static final String NAME = "calculator";

    private Calculator() {}

    public record Args(@Param(value = "expression", description = "arithmetic with + - * / % ^ and parentheses, e.g. (2.5 + 4) * 3") String expression) {}

    public static ToolSpec spec() {
        return Tools.spec(NAME, DESCRIPTION, Args.class);
    }

    public static Tool tool() {
        return Tools.of(NAME, DESCRIPTION, Args.class, a -> Arithmetic.format(Arithmetic.evaluate(a.expression())));
    }
}
