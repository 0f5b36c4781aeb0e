package io.genai4j.llm.agent;

import io.genai4j.llm.chat.ToolSpec;

/**
 * A function a model may call: its specification (name, description, JSON Schema of the
 * arguments) and the code that runs it. {@link #call} receives the arguments as the model wrote
 * them (JSON object text) and returns the result text fed back to the model; an exception is a
 * tool error, which the agent loop also feeds back (as {@code error: message}) so the model can
 * correct itself.
 */
public interface Tool {
    ToolSpec spec();

    String call(String argumentsJson) throws Exception;

    default String name() {
        return spec().name();
    }
}
