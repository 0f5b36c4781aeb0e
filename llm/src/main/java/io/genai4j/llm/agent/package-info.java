/**
 * Agents: tools a model may call ({@link io.genai4j.llm.agent.Tool}), made from Java lambdas or
 * annotated methods with their JSON Schema derived from the parameter types, and the loop that
 * lets a {@link io.genai4j.llm.chat.ChatModel} call them until it answers, recording every step
 * as an event. Built-in tools are in {@code builtin}.
 */
package io.genai4j.llm.agent;
