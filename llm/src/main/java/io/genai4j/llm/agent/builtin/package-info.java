/**
 * The tools genai4j ships: an exact calculator with its own arithmetic parser (nothing is ever
 * evaluated as code), the current date and time from a given clock, a plain-text search over a
 * local folder, and an HTTP GET that is only offered when the user asks for it. Each is a
 * {@link io.genai4j.llm.agent.Tool} whose errors are exceptions the agent loop feeds back.
 */
package io.genai4j.llm.agent.builtin;
